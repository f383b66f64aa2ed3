import { unquoteWord } from '../src/model/dockerfile-words.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'no-copy-root-filesystem',
    aliases: ['DL3067'],
    description: 'Do not copy an entire file system from another stage (`COPY --from=x / /`).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Copying `/` onto `/` drags the whole other stage into the image: compilers, package caches, `/proc` placeholders, its users and permissions. It defeats the point of a multi-stage build and overwrites files of the base image unpredictably. Copy the paths the runtime needs.',
      bad: { code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app ./...\n\nFROM alpine:3.21\nCOPY --from=build / /\n' },
      good: { code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app ./...\n\nFROM alpine:3.21\nCOPY --from=build /out/app /usr/local/bin/app\n' },
      notes: 'A `FROM scratch` stage that exists only to hold artifacts (`COPY --from=artifacts / /`) is still reported: name the folders instead, or suppress the line with a reason.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        const copy = instruction.copy;
        if (!copy?.from || !copy.destination || unquoteWord(copy.destination.value) !== '/') continue;
        const root = copy.sources.find((source) => unquoteWord(source.value) === '/');
        if (!root) continue;
        context.report({
          file: dockerfile.file,
          range: root.range,
          message: `This copies the whole file system of \`${copy.from.value}\` onto \`/\`: copy only the files the image needs.`,
        });
      }
    }
  },
};

export default rule;
