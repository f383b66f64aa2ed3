import rule from '../../rules/consecutive-run.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'one RUN', files: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'separated by another instruction', files: 'FROM debian:12\nRUN a\nWORKDIR /x\nRUN b\n' },
    { name: 'different mounts', files: 'FROM debian:12\nRUN a\nRUN --mount=type=cache,target=/root/.cache b\n' },
    { name: 'long && chain', files: 'FROM debian:12\nRUN a\nRUN b && c && d\n' },
    { name: 'previous is long', files: 'FROM debian:12\nRUN a \\\n && b \\\n && c\nRUN d\n' },
    { name: 'different stages', files: 'FROM debian:12 AS a\nRUN a\nFROM debian:12\nRUN b\n' },
    { name: 'long heredoc', files: 'FROM debian:12\nRUN a\nRUN <<EOF\nset -e\nb\nc\nEOF\n' },
    { name: 'hadolint pragma on the later RUN', files: 'FROM debian:12\nRUN a\n# hadolint ignore=DL3059\nRUN b\n' },
  ],
  invalid: [
    { name: 'two short RUNs', files: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', errors: [{ line: 3, column: 1, message: 'follows the RUN on line 2' }] },
    { name: 'comment between', files: 'FROM debian:12\nRUN a\n# then\nRUN b\n', errors: [{ line: 4, column: 1 }] },
    { name: 'three RUNs', files: 'FROM debian:12\nRUN a\nRUN b\nrun c\n', errors: [{ line: 3, column: 1 }, { line: 4, column: 1, message: 'line 3' }] },
    { name: 'two-command && chains', files: 'FROM debian:12\nRUN a && b\nRUN c && d\n', errors: [{ line: 3, column: 1 }] },
    { name: 'continuation lines', files: 'FROM debian:12\nRUN a \\\n  --flag\nRUN b \\\n  c\n', errors: [{ line: 4, column: 1 }] },
    { name: 'short heredoc', files: 'FROM debian:12\nRUN a\nRUN <<EOF\nb\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'same mounts', files: 'FROM debian:12\nRUN --mount=type=cache,target=/c a\nRUN --mount=type=cache,target=/c b\n', errors: [{ line: 3, column: 1 }] },
    { name: 'sh -c is one command', files: 'FROM debian:12\nRUN a\nRUN sh -c "b && c && d"\n', errors: [{ line: 3, column: 1 }] },
  ],
});
