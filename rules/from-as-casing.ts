import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'from-as-casing',
    aliases: ['FromAsCasing'],
    description: 'The `AS` keyword of `FROM … AS name` should have the same case as `FROM`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        '`FROM node:20 as build` mixes an upper-case instruction with a lower-case keyword; consistent casing keeps Dockerfiles easy to scan and grep. BuildKit reports it as `FromAsCasing`.',
      bad: { code: 'FROM node:20-bookworm as build\n' },
      good: { code: 'FROM node:20-bookworm AS build\n' },
      notes: 'A `FROM` keyword that is itself mixed-case (`From`) is left to `consistent-instruction-casing`, as BuildKit does.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const as = stage.fromInstruction.args[1];
        if (!stage.from.alias || !as) continue;
        const from = stage.fromInstruction.keywordRaw;
        const wanted = from === from.toUpperCase() ? as.value.toUpperCase() : from === from.toLowerCase() ? as.value.toLowerCase() : null;
        if (wanted === null || wanted === as.value) continue;
        const start = dockerfile.file.offsetAt(as.range.start);
        context.report({
          file: dockerfile.file,
          range: as.range,
          message: `"${as.value}" and "${from}" keywords' casing do not match: write "${from} … ${wanted} ${stage.from.alias.value}".`,
          fix: { description: `Write ${wanted}`, edits: [{ file: dockerfile.file.path, start, end: start + as.value.length, text: wanted }] },
        });
      }
    }
  },
};

export default rule;
