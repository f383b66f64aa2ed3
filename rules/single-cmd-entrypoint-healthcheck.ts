import type { DockerInstruction } from '../src/model/dockerfile.js';
import type { Rule } from '../src/engine/types.js';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

const rule: Rule = {
  meta: {
    id: 'single-cmd-entrypoint-healthcheck',
    aliases: ['DL3012', 'DL4003', 'DL4004', 'MultipleInstructionsDisallowed'],
    description: 'A stage has at most one CMD, one ENTRYPOINT and one HEALTHCHECK: only the last one takes effect.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Each of these instructions replaces the previous one, so an earlier CMD, ENTRYPOINT or HEALTHCHECK in the same stage is dead code that readers take for configuration. BuildKit reports it as `MultipleInstructionsDisallowed`; hadolint as DL4003 (CMD), DL4004 (ENTRYPOINT) and DL3012 (HEALTHCHECK).',
      bad: { code: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app.wsgi"]\n' },
      good: { code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]\n' },
      notes:
        'The finding points at the instruction that is overridden, as BuildKit does. Each stage is checked on its own: a later stage may set its own CMD. As in hadolint, a repeated CMD (DL4003) is a warning and a repeated ENTRYPOINT (DL4004) or HEALTHCHECK (DL3012) an error; the severity set in the config is the ceiling for all three.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const byKeyword = new Map<string, DockerInstruction[]>();
        for (const instruction of stage.instructions) {
          if (ONCE.includes(instruction.keyword)) byKeyword.set(instruction.keyword, [...(byKeyword.get(instruction.keyword) ?? []), instruction]);
        }
        for (const [keyword, instructions] of byKeyword) {
          const last = instructions[instructions.length - 1]!;
          for (const overridden of instructions.slice(0, -1)) {
            context.report({
              file: dockerfile.file,
              range: overridden.keywordRange,
              message: `Multiple ${keyword} instructions in one stage: this one is overridden by the ${keyword} on line ${last.range.start.line}; remove it.`,
              // hadolint's defaults: DL4003 (CMD) is a warning, DL4004 and DL3012 are errors.
              ...(keyword === 'CMD' ? { severity: 'warning' as const } : {}),
            });
          }
        }
      }
    }
  },
};

export default rule;
