import type { Worker } from 'node:worker_threads';
import { ConfigError } from '../config/config.js';
import type { BatchRequest, BatchResult, PartitionRequest } from './batches.js';
import type { LinkGroup } from './partition.js';

/**
 * The worker threads of a batched `check` (lint-worker.ts runs in each). A worker's heap is capped
 * so that V8 collects a finished batch's project model before it grows the heap further: uncapped,
 * a worker's heap grew to ~250 MB of garbage between full collections on the synthetic monorepo,
 * while what a batch keeps alive is ~30-60 MB. A worker that still runs out of its heap (a huge link
 * group) is replaced by one without the cap, which checks the batch again: the cap bounds memory
 * and never fails a run.
 */

/** Old-generation cap of a worker's heap, in MB. */
export const WORKER_HEAP_MB = 96;
/**
 * Young-generation size of a capped worker, in MB. V8's default let each worker hold ~50 MB of
 * short-lived objects more; on the synthetic monorepo 16 MB took 50 MB off the peak at the same CPU time.
 */
const WORKER_YOUNG_MB = 16;

/** What a worker is asked: check a batch, or split the files into link groups (see batches.ts). */
export type WorkerRequest = { batch: BatchRequest } | { partition: PartitionRequest };
/** A worker's answer; `error` carries a ConfigError's file and line so this thread reports it the same way. */
export interface WorkerReply {
  result?: BatchResult;
  groups?: LinkGroup[];
  error?: { message: string; configFile?: string; line: number | null; detail?: string };
}

interface Thread {
  /** The heap cap in MB, if any. */
  limited: number | undefined;
  /** Requests answered: a capped thread that runs out before its first answer has a cap too small for this run. */
  answered: number;
  send(request: WorkerRequest): Promise<WorkerReply>;
  terminate(): Promise<number>;
}

export class LintWorkers {
  /** Threads that are not working now, kept for the next request. */
  private spare: Thread[] = [];
  private live = new Set<Thread>();
  /** Things for `--verbose`: a worker that ran out of its heap. */
  readonly notices: string[] = [];

  private constructor(
    private readonly WorkerClass: typeof Worker,
    private readonly script: URL,
    private heapMb: number | undefined,
  ) {}

  /** `heapMb`: the cap of each worker's old generation; undefined for none. */
  static async start(script: URL, heapMb: number | undefined): Promise<LintWorkers> {
    const { Worker: WorkerClass } = await import('node:worker_threads');
    return new LintWorkers(WorkerClass, script, heapMb);
  }

  async partition(request: PartitionRequest): Promise<LinkGroup[]> {
    const [thread, reply] = await this.ask(this.take(), { partition: request }, 'the link groups');
    this.spare.push(thread);
    return reply.groups!;
  }

  /** The batches handed out to `jobs` threads as they finish; results in batch order. */
  async lint(requests: BatchRequest[], jobs: number): Promise<BatchResult[]> {
    const results: BatchResult[] = new Array(requests.length);
    let next = 0;
    const runThread = async () => {
      let thread = this.take();
      try {
        while (next < requests.length) {
          const index = next++;
          let reply: WorkerReply;
          [thread, reply] = await this.ask(thread, { batch: requests[index]! }, `batch ${index + 1} of ${requests.length}`);
          results[index] = reply.result!;
        }
      } catch (error) {
        // One failure fails the run: the other threads take no more batches.
        next = requests.length;
        throw error;
      }
      this.spare.push(thread);
    };
    await Promise.all(Array.from({ length: Math.min(jobs, requests.length) }, runThread));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all([...this.live].map((thread) => thread.terminate()));
    this.live.clear();
    this.spare = [];
  }

  private take(): Thread {
    return this.spare.pop() ?? this.startThread(this.heapMb);
  }

  /**
   * Send a request and return the thread to go on with. A thread that ran out of its capped heap is
   * replaced by an uncapped one, which gets the request again; then a capped thread goes on, unless
   * the cap was too small for even one request, when the threads go on uncapped.
   */
  private async ask(thread: Thread, request: WorkerRequest, what: string): Promise<[Thread, WorkerReply]> {
    try {
      const reply = replyOrThrow(await thread.send(request));
      thread.answered++;
      return [thread, reply];
    } catch (error) {
      if (!thread.limited || (error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
      this.notices.push(`a worker thread ran out of its ${thread.limited} MB heap on ${what}; checked it again in a thread without the cap`);
      if (!thread.answered) this.heapMb = undefined;
      const replacement = this.startThread(undefined);
      const reply = replyOrThrow(await replacement.send(request));
      replacement.answered++;
      if (!this.heapMb) return [replacement, reply];
      void replacement.terminate();
      return [this.startThread(this.heapMb), reply];
    }
  }

  private startThread(heapMb: number | undefined): Thread {
    const worker = new this.WorkerClass(this.script, heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } } : {});
    let waiting: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | null = null;
    let failure: Error | null = null;
    const fail = (error: Error) => {
      failure ??= error;
      const pending = waiting;
      waiting = null;
      pending?.reject(failure);
    };
    const thread: Thread = {
      limited: heapMb,
      answered: 0,
      send: (request) =>
        new Promise((resolve, reject) => {
          if (failure) return reject(failure);
          waiting = { resolve, reject };
          worker.postMessage(request);
        }),
      terminate: () => worker.terminate(),
    };
    worker.on('message', (reply: WorkerReply) => {
      const pending = waiting;
      waiting = null;
      pending?.resolve(reply);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      this.live.delete(thread);
      fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    this.live.add(thread);
    return thread;
  }
}

function replyOrThrow(reply: WorkerReply): WorkerReply {
  const { error } = reply;
  if (!error) return reply;
  throw error.configFile !== undefined ? new ConfigError(error.configFile, error.line, error.detail ?? error.message) : new Error(error.message);
}
