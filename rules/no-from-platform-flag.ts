import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'no-from-platform-flag',
    aliases: ['DL3029'],
    description: 'Do not use `--platform` with FROM at all (hadolint DL3029): leave the platform to the build command.',
    severity: 'warning',
    presets: [],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Some teams want the platform decided only by `docker build --platform` / `docker buildx bake`, never inside the Dockerfile. This is hadolint\'s DL3029: it reports every `FROM --platform`, variables included.',
      bad: { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n' },
      good: { code: 'FROM golang:1.23 AS build\n' },
      notes:
        'Opt-in (no preset): it is a stricter policy than BuildKit\'s `FromPlatformFlagConstDisallowed` (`from-platform-flag-const`), which only objects to constant platforms and recommends `--platform=$BUILDPLATFORM` for cross-compiling stages. The two checks differ, so they are separate rules.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const flag = stage.fromInstruction.flags.find((candidate) => candidate.name === 'platform');
        if (!flag) continue;
        context.report({ file: dockerfile.file, range: flag.range, message: `Do not use --platform with FROM ("${flag.value ?? ''}"): choose the platform with "docker build --platform" instead.` });
      }
    }
  },
};

export default rule;
