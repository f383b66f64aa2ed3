// The CLI as a child process for the end-to-end tests: real exit codes, stdout and stderr.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
