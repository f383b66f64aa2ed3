// A worker thread of `check` (see batches.ts, batch-workers.ts): answers the requests it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../config/config.js';
import type { WorkerReply, WorkerRequest } from './batch-workers.js';
import { lintBatch, partitionFiles } from './batches.js';

parentPort!.on('message', (request: WorkerRequest) => {
  const work: Promise<WorkerReply> = 'partition' in request ? Promise.resolve().then(() => ({ groups: partitionFiles(request.partition) })) : lintBatch(request.batch, { rules: builtinRules }).then((result) => ({ result }));
  work.then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) => {
      // A config error keeps its file and line so the main thread reports it the same way.
      const configError = error instanceof ConfigError ? { configFile: error.file, line: error.line, detail: error.message.slice(`${error.file}${error.line ? `:${error.line}` : ''}: `.length) } : {};
      parentPort!.postMessage({ error: { message: error instanceof Error ? error.message : String(error), line: null, ...configError } } satisfies WorkerReply);
    },
  );
});
