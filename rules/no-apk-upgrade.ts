import { apkCall } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'no-apk-upgrade',
    aliases: ['DL3017'],
    description: 'Do not run `apk upgrade` in a Dockerfile (opt-in: hadolint retired the check).',
    severity: 'error',
    presets: [],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        '`apk upgrade` makes the packages of the image depend on the day of the build rather than on the base image tag: two builds of the same commit can differ, and a broken update lands without review. Teams that want builds to follow the base image exactly (and get updates by bumping the base tag) can enable this rule.',
      bad: { code: 'FROM alpine:3.21\nRUN apk upgrade --no-cache\n' },
      good: { code: 'FROM alpine:3.21.3\nRUN apk add --no-cache curl=8.12.1-r1\n' },
      notes: 'Not in any preset: hadolint removed DL3017 in 2.7.0 because upgrading during the build is also how security fixes reach an image before a new base image is published. Enable it with `no-apk-upgrade: error` (or `DL3017: error`).',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { command } of runCommands(dockerfile)) {
        const apk = apkCall(command);
        if (apk?.subcommand?.value !== 'upgrade') continue;
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, apk.commandWord),
          message: '`apk upgrade` makes the image depend on the day of the build; get updates by moving to a newer base image tag.',
        });
      }
    }
  },
};

export default rule;
