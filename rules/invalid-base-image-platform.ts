import type { Rule } from '../src/engine/types.js';
import { constantPlatform, formatPlatform, parsePlatform, samePlatform, type Platform } from '../src/model/image-spec.js';
import { stageChain } from '../src/model/queries.js';

/** Docker Hub namespaces of single-architecture builds of the official images. */
const ARCH_NAMESPACES: Record<string, Platform> = {
  amd64: { os: 'linux', architecture: 'amd64', variant: null },
  arm64v8: { os: 'linux', architecture: 'arm64', variant: 'v8' },
  arm32v7: { os: 'linux', architecture: 'arm', variant: 'v7' },
  arm32v6: { os: 'linux', architecture: 'arm', variant: 'v6' },
  arm32v5: { os: 'linux', architecture: 'arm', variant: 'v5' },
  i386: { os: 'linux', architecture: '386', variant: null },
  ppc64le: { os: 'linux', architecture: 'ppc64le', variant: null },
  s390x: { os: 'linux', architecture: 's390x', variant: null },
  riscv64: { os: 'linux', architecture: 'riscv64', variant: null },
  mips64le: { os: 'linux', architecture: 'mips64le', variant: null },
  winamd64: { os: 'windows', architecture: 'amd64', variant: null },
};

const rule: Rule = {
  meta: {
    id: 'invalid-base-image-platform',
    aliases: ['InvalidBaseImagePlatform'],
    description: 'A FROM `--platform` must be a valid platform and agree with what the base image or base stage can be.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'BuildKit warns when the base image it pulled has another platform than the stage expects (`InvalidBaseImagePlatform`): the stage then runs under emulation or produces binaries for the wrong architecture. Some of these mistakes are visible without pulling anything: a misspelled platform (`linux/amd46`, which fails at pull time), an arch-specific image such as `arm64v8/alpine` asked for as `linux/amd64`, and `FROM --platform=… <stage>` that contradicts the platform of the stage it builds on (the flag is ignored: a stage keeps its base stage\'s platform).',
      bad: { code: 'FROM --platform=linux/arm64 golang:1.23 AS build\nFROM --platform=linux/amd64 build AS test\nFROM --platform=linux/amd64 arm64v8/alpine:3.21\n' },
      good: { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM build AS test\nFROM alpine:3.21\n' },
      notes:
        'The static part only: whether a multi-platform image really has a manifest for the platform needs the registry, so that is left to `docker build --check`. Platforms that use variables (`$BUILDPLATFORM`) are not known before the build and are not checked.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const platform = stage.from.platform;
        if (!platform || platform.value.includes('$')) continue;
        const parsed = parsePlatform(platform.value);
        if ('error' in parsed) {
          context.report({ file: dockerfile.file, range: platform.range, message: `Invalid base image platform: ${parsed.error}; pulling the base image will fail.` });
          continue;
        }
        const wanted = parsed.platform;
        if (stage.from.stageRef !== null) {
          const parent = stageChain(dockerfile, stage).slice(1).find((candidate) => candidate.from.platform);
          const parentPlatform = constantPlatform(parent?.from.platform?.value);
          if (parent && parentPlatform && !samePlatform(parentPlatform, wanted)) {
            context.report({
              file: dockerfile.file,
              range: platform.range,
              message: `--platform=${platform.value} contradicts the stage it builds on (line ${parent.fromInstruction.range.start.line}, ${formatPlatform(parentPlatform)}): a stage keeps the platform of its base stage, so this flag is ignored; remove it or change the base stage.`,
            });
          }
          continue;
        }
        const ref = stage.from.imageRef;
        const namespace = ref && !ref.registry ? ref.name.split('/')[0]! : '';
        const implied = ref && ref.name.includes('/') ? ARCH_NAMESPACES[namespace] : undefined;
        if (implied && !samePlatform(implied, wanted)) {
          context.report({
            file: dockerfile.file,
            range: platform.range,
            message: `Base image ${ref!.name} is built only for ${formatPlatform(implied)}, but the stage asks for ${formatPlatform(wanted)}; use the multi-platform image (${ref!.name.slice(namespace.length + 1)}) or the matching platform.`,
          });
        }
      }
    }
  },
};

export default rule;
