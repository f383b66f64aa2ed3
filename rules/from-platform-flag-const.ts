import type { Rule } from '../src/engine/types.js';
import { constantPlatform } from '../src/model/image-spec.js';

const rule: Rule = {
  meta: {
    id: 'from-platform-flag-const',
    aliases: ['FromPlatformFlagConstDisallowed'],
    description: '`FROM --platform` should not be a constant such as `linux/amd64`: use `$BUILDPLATFORM`/`$TARGETPLATFORM`, or drop the flag.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A constant platform pins the stage to one architecture: on an Apple-silicon laptop or an arm64 CI runner the build runs under emulation, and a multi-platform build (`--platform linux/amd64,linux/arm64`) ships amd64 binaries in the arm64 image. Use `$BUILDPLATFORM` for stages that run build tools and cross-compile, or leave the flag out. BuildKit reports it as `FromPlatformFlagConstDisallowed`.',
      bad: { code: 'FROM --platform=linux/amd64 golang:1.23 AS build\n' },
      good: { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n' },
      notes:
        'As in BuildKit, a stage whose name contains the OS or architecture of its constant platform (`AS build-amd64`, `AS windows-tools`) is deliberately platform-specific and is not reported. A malformed platform is left to `invalid-base-image-platform`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        const platform = stage.from.platform;
        const parsed = constantPlatform(platform?.value);
        if (!platform || !parsed) continue;
        const name = stage.name ?? '';
        if (name.includes(parsed.os) || name.includes(parsed.architecture)) continue;
        context.report({
          file: dockerfile.file,
          range: platform.range,
          message: `FROM --platform should not use the constant "${platform.value}": it pins this stage to one platform; use $BUILDPLATFORM for build stages, or remove the flag.`,
        });
      }
    }
  },
};

export default rule;
