// A worker thread of `check` (see batches.ts): lints the batches it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../config/config.js';
import { lintBatch, type BatchRequest } from './batches.js';

parentPort!.on('message', (request: BatchRequest) => {
  lintBatch(request, { rules: builtinRules }).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => {
      // A config error keeps its file and line so the main thread reports it the same way.
      const configError = error instanceof ConfigError ? { configFile: error.file, line: error.line, detail: error.message.slice(`${error.file}${error.line ? `:${error.line}` : ''}: `.length) } : {};
      parentPort!.postMessage({ error: { message: error instanceof Error ? error.message : String(error), ...configError } });
    },
  );
});
