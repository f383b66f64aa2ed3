/** One image build verify-cache runs: a Dockerfile, its context and options. */
export interface BuildTarget {
  /** The compose service, or the Dockerfile's name for `--dockerfile`. */
  name: string;
  service: string | null;
  dockerfile: string;
  context: string;
  target: string | null;
  buildArgs: Record<string, string>;
  network: string | null;
}

/** A problem with what the user asked for: reported as a usage error (exit 2), never a stack trace. */
export class UsageError extends Error {}
