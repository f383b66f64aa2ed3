import type { Rule } from '../src/engine/types.js';

/** A pragma that silences the next instruction: `# hadolint ignore=DL3008`, `# docker-policy ignore=rule`. */
const INLINE_PRAGMA = /^#\s*(hadolint|docker-policy)\s+ignore\s*=/i;

const rule: Rule = {
  meta: {
    id: 'no-inline-ignore',
    aliases: ['DL1001'],
    description: 'Do not silence rules with inline ignore comments; configure exceptions in the config file.',
    severity: 'info',
    presets: [],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Inline ignores accumulate where nobody reviews them: each one is a finding someone decided not to fix, invisible in the configuration. Teams that want every exception in one reviewed place (`.docker-policy.yaml` `overrides`) turn this on.',
      bad: { code: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n' },
      good: { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8\n' },
      notes:
        'Opt-in, as in hadolint (where DL1001 is off by default). Both `# hadolint ignore=…` and `# docker-policy ignore=…` are reported; file-wide pragmas (`# hadolint global ignore=…`, `# docker-policy ignore-file`) are not, since they act like configuration. Turning this rule on does not stop the pragmas from working; `check --hadolint-config` with `disable-ignore-pragma: true` does that for hadolint\'s.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      // A pragma on the first lines can be taken for a parser directive (`# hadolint ignore=…` looks like `# key=value`).
      for (const comment of [...dockerfile.directives, ...dockerfile.comments]) {
        const text = dockerfile.file.lineText(comment.range.start.line).slice(comment.range.start.column - 1).trimEnd();
        const match = INLINE_PRAGMA.exec(text);
        if (!match) continue;
        context.report({
          file: dockerfile.file,
          range: comment.range,
          message: `Inline ignore pragma \`${text}\`: fix the finding, or record the exception in the config (\`rules\` or \`overrides\`) where it is reviewed.`,
        });
      }
    }
  },
};

export default rule;
