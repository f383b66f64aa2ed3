import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'unique-stage-names',
    aliases: ['DL3024', 'DuplicateStageName'],
    description: 'Stage names (`FROM … AS name`) must be unique within a Dockerfile.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'With two stages of the same name, `COPY --from=name`, `FROM name` and `--target name` silently pick one of them (BuildKit takes the latest defined before the reference), so a later edit can change what gets copied without any error. BuildKit reports it as `DuplicateStageName`, hadolint as DL3024.',
      bad: { code: 'FROM node:20 AS build\nRUN npm ci && npm run build\n\nFROM golang:1.23 AS build\nRUN go build ./...\n' },
      good: { code: 'FROM node:20 AS web-build\nRUN npm ci && npm run build\n\nFROM golang:1.23 AS api-build\nRUN go build ./...\n' },
      notes: 'Names are compared case-insensitively, because BuildKit resolves stage references case-insensitively.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const seen = new Map<string, number>();
      for (const stage of dockerfile.stages) {
        const alias = stage.from.alias;
        if (!alias) continue;
        const key = alias.value.toLowerCase();
        const firstLine = seen.get(key);
        if (firstLine === undefined) {
          seen.set(key, stage.fromInstruction.range.start.line);
          continue;
        }
        context.report({
          file: dockerfile.file,
          range: alias.range,
          message: `Duplicate stage name "${alias.value}": line ${firstLine} already names a stage "${key}", so references to it are ambiguous; give each stage its own name.`,
        });
      }
    }
  },
};

export default rule;
