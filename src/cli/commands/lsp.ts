import type { Command } from 'commander';

/**
 * `docker-policy lsp --stdio`. The server and vscode-languageserver load only when the command
 * runs, so `check` does not pay for them at start-up. The process lives until the client sends
 * `exit` or closes the pipe.
 */
export function registerLspCommand(program: Command): void {
  program
    .command('lsp')
    .description('run the language server for editors (diagnostics, quick fixes, ignore actions)')
    .option('--stdio', 'talk JSON-RPC over standard input and output (the only transport)')
    .action(async (options: { stdio?: boolean }) => {
      if (!options.stdio) {
        process.stderr.write('docker-policy: lsp needs --stdio (editors start it as `docker-policy lsp --stdio`)\n');
        process.exitCode = 2;
        return;
      }
      const { startLanguageServer } = await import('../../lsp/server.js');
      startLanguageServer(process.stdin, process.stdout);
    });
}
