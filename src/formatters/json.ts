import { summarize, type FormatInput } from './index.js';

/** The stable JSON contract: `{ version: 1, findings, summary }`. */
export function formatJson({ result }: FormatInput): string {
  return `${JSON.stringify({ version: 1, findings: result.findings, summary: summarize(result) }, null, 2)}\n`;
}
