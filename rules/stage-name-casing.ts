import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    description: 'Stage names (`FROM image AS name`) should be lowercase.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'Stage names are matched case-insensitively (`COPY --from=Build` finds `AS build`) while image names must be lowercase, so a mixed-case stage name reads like an image reference it is not and invites two spellings of one name. BuildKit reports it as `StageNameCasing`.',
      bad: { code: 'FROM golang:1.23 AS Builder\nRUN go build -o /out/app ./cmd/app\n\nFROM alpine:3.21\nCOPY --from=Builder /out/app /usr/local/bin/app\n' },
      good: { code: 'FROM golang:1.23 AS builder\nRUN go build -o /out/app ./cmd/app\n\nFROM alpine:3.21\nCOPY --from=builder /out/app /usr/local/bin/app\n' },
      notes: 'The fix lowercases the name in the `FROM` line; references keep working because BuildKit resolves stage names case-insensitively.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const alias = stage.from.alias;
        if (!alias || alias.value === alias.value.toLowerCase()) continue;
        const lower = alias.value.toLowerCase();
        const start = dockerfile.file.offsetAt(alias.range.start);
        context.report({
          file: dockerfile.file,
          range: alias.range,
          message: `Stage name "${alias.value}" should be lowercase: name it "${lower}".`,
          fix: { description: `Rename the stage to ${lower}`, edits: [{ file: dockerfile.file.path, start, end: start + alias.value.length, text: lower }] },
        });
      }
    }
  },
};

export default rule;
