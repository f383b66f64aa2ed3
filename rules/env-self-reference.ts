import type { DockerfileModel, Stage } from '../src/model/dockerfile.js';
import { stageChain } from '../src/model/queries.js';
import { variableReferences } from '../src/model/dockerfile-vars.js';
import type { Rule } from '../src/engine/types.js';

/** Names ENV set in the stages a stage builds on: they are defined before the stage starts. */
function inheritedEnv(model: DockerfileModel, stage: Stage): Set<string> {
  const names = new Set<string>();
  for (const ancestor of stageChain(model, stage).slice(1)) {
    for (const instruction of ancestor.instructions) for (const property of instruction.keyword === 'ENV' ? (instruction.properties ?? []) : []) names.add(property.name);
  }
  return names;
}

const rule: Rule = {
  meta: {
    id: 'env-self-reference',
    aliases: ['DL3044'],
    description: 'Do not use a variable in the same ENV instruction that defines it.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'All values of one `ENV` are substituted before any of them is set. In `ENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH`, `$APP_HOME` is still empty (or its old value), so PATH gets `/bin`: a silent, confusing bug. Split the ENV so the variable exists first.',
      bad: { code: 'FROM python:3.12-slim\nENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH\n' },
      good: { code: 'FROM python:3.12-slim\nENV APP_HOME=/app\nENV PATH=$APP_HOME/bin:$PATH\n' },
      notes:
        'A variable that already exists when the ENV runs (set by an earlier ENV or ARG in the stage, or by ENV in a stage it is built `FROM`) is not reported, as in hadolint: the old value is used on purpose (`ENV PATH=/x:$PATH`). A variable may reference itself (`PATH=$PATH:/x`). References inside single quotes and escaped dollars (`\\$VAR`) are literal text and ignored. Unlike hadolint, an ARG or ENV from an unrelated stage does not count as defined.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const defined = inheritedEnv(dockerfile, stage);
        for (const instruction of stage.instructions) {
          const properties = instruction.properties ?? [];
          if (instruction.keyword === 'ARG') for (const argument of instruction.args) defined.add(argument.value.split('=')[0]!);
          if (instruction.keyword !== 'ENV') continue;
          const newNames = new Set(properties.map((property) => property.name).filter((name) => !defined.has(name)));
          for (const property of properties) {
            if (!property.valueRange) continue;
            const start = dockerfile.file.offsetAt(property.valueRange.start);
            const raw = dockerfile.file.text.slice(start, dockerfile.file.offsetAt(property.valueRange.end));
            for (const reference of variableReferences(raw, 0, dockerfile.escapeChar)) {
              if (reference.name === property.name || !newNames.has(reference.name)) continue;
              context.report({
                file: dockerfile.file,
                range: dockerfile.file.rangeOf(start + reference.start, start + reference.end),
                message: `\`${reference.name}\` is defined by this same ENV, so \`${property.name}\` gets its value from before the ENV (usually empty): set ${reference.name} in an ENV of its own first.`,
              });
            }
          }
          for (const property of properties) defined.add(property.name);
        }
      }
    }
  },
};

export default rule;
