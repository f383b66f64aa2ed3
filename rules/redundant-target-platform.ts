import type { Rule } from '../src/engine/types.js';
import { variableReferences } from '../src/model/dockerfile-vars.js';

const rule: Rule = {
  meta: {
    id: 'redundant-target-platform',
    aliases: ['DL3065', 'RedundantTargetPlatform'],
    description: '`FROM --platform=$TARGETPLATFORM` is redundant: stages are built for the target platform by default.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    fixable: true,
    docs: {
      rationale:
        'Every stage already pulls its base image for the target platform, so `--platform=$TARGETPLATFORM` changes nothing; it only suggests to readers that this stage differs from the others. (`--platform=$BUILDPLATFORM`, for cross-compiling stages, is the flag that matters.) BuildKit reports it as `RedundantTargetPlatform`, hadolint as DL3065.',
      bad: { code: 'FROM --platform=$TARGETPLATFORM alpine:3.21\n' },
      good: { code: 'FROM alpine:3.21\n' },
      notes: 'The fix removes the flag.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      for (const stage of dockerfile.stages) {
        const flag = stage.fromInstruction.flags.find((candidate) => candidate.name === 'platform');
        const value = (flag?.value ?? '').trim();
        if (!flag || !value) continue;
        const references = variableReferences(value, 0, dockerfile.escapeChar);
        const only = references[0];
        // Only TARGETPLATFORM, alone and unmodified (a `:-default` still yields TARGETPLATFORM, which is always set).
        if (references.length !== 1 || only!.name !== 'TARGETPLATFORM' || only!.start !== 0 || only!.end !== value.length || (only!.operator !== null && !/^:?-$/.test(only!.operator))) continue;
        const start = file.offsetAt(flag.range.start);
        let end = file.offsetAt(flag.range.end);
        while (file.text[end] === ' ' || file.text[end] === '\t') end++;
        context.report({
          file,
          range: flag.range,
          message: `Setting the platform to ${value} in FROM is redundant: stages are built for the target platform by default; remove the flag.`,
          fix: { description: 'Remove --platform', edits: [{ file: file.path, start, end, text: '' }] },
        });
      }
    }
  },
};

export default rule;
