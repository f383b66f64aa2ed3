import type { Rule } from '../src/engine/types.js';

/** Reported by the engine when a file cannot be parsed; listed here so it has docs and can be configured. */
const rule: Rule = {
  meta: {
    id: 'parse-error',
    description: 'A file could not be parsed; the other files are still checked.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile', 'compose', 'dockerignore', 'shell', 'env'],
    docs: {
      rationale:
        'A file the tool cannot read is a file no rule has checked. Docker and compose would reject it too, usually later and with a less precise message. The finding points at the position the parser stopped.',
      bad: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: "nginx:1.27\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: "nginx:1.27"\n' },
    },
  },
  check() {
    // The engine turns the project's parse errors into findings of this rule.
  },
};

export default rule;
