/**
 * Cleaning of log lines before parsing: what CI systems and terminals add around BuildKit's own text.
 */

// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks, titles).
// eslint-disable-next-line no-control-regex -- escape sequences start with the ESC control character
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]/g;

// GitHub Actions (`2024-05-01T10:11:12.1234567Z `), GitLab (`… 00O `), Jenkins timestamper (`[2024-…] `).
const ISO_TIMESTAMP = /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?\s(?:\d{2}[OE]\+?\s)?/;
// A bare clock time, only when BuildKit text follows it (`10:11:12 #5 DONE 0.1s`).
const CLOCK_BEFORE_STEP = /^\[?\d{2}:\d{2}:\d{2}(?:\.\d+)?\]?\s+(?=#\d+\s)/;
// Per-service prefixes: `api  | #5 …` (compose-style) or `[api] #5 …`.
const SERVICE_PREFIX = /^(?:([A-Za-z0-9][\w.-]*)\s*\|\s?|\[([A-Za-z0-9][\w.-]*)\]\s+)(?=#\d+\s|\{)/;

export interface CleanLine {
  text: string;
  /** Service named by a `svc | ` prefix, when the line had one. */
  service: string | null;
  /** 1-based line number in the original log. */
  line: number;
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Split a log into lines without CR, ANSI codes, CI timestamps or service prefixes. */
export function cleanLines(log: string): CleanLine[] {
  const out: CleanLine[] = [];
  const raw = log.split('\n');
  for (let i = 0; i < raw.length; i++) {
    // A bare CR inside a line is a terminal overwrite: the text after the last one is what was shown.
    let text = stripAnsi(raw[i]!.replace(/\r+$/, ''));
    const lastCr = text.lastIndexOf('\r');
    if (lastCr >= 0) text = text.slice(lastCr + 1);
    text = text.replace(ISO_TIMESTAMP, '').replace(CLOCK_BEFORE_STEP, '');
    let service: string | null = null;
    const prefix = SERVICE_PREFIX.exec(text);
    if (prefix) {
      service = prefix[1] ?? prefix[2] ?? null;
      text = text.slice(prefix[0].length);
    }
    out.push({ text, service, line: i + 1 });
  }
  return out;
}
