import { isMap, isScalar, isSeq, visit, type Node, type Scalar } from 'yaml';
import { rangeOfNode } from '../src/model/compose.js';
import type { Rule } from '../src/engine/types.js';

const WINDOWS_MOUNT = /(^|[\s:="'=,])\/mnt\/[a-zA-Z](\/|$|[\s:"',])/;

const rule: Rule = {
  meta: {
    id: 'no-windows-mount-paths',
    description: 'No `/mnt/<drive>/` (Windows file system seen from WSL) paths in build contexts, volumes, env files, COPY/ADD sources or scripts.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose', 'dockerfile', 'shell'],
    docs: {
      rationale:
        'Under WSL, `/mnt/c/…` is the Windows drive served over the 9P bridge: build contexts and bind mounts there are an order of magnitude slower, file watching does not work, and permissions and line endings differ. Keep the repository in the Linux file system (`~/repos/…`) and use relative paths.',
      bad: { filename: 'compose.yaml', code: 'services:\n  pose:\n    build: /mnt/c/Users/ben/SnowboardingExplained/pose\n    volumes:\n      - /mnt/c/Users/ben/models:/models\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  pose:\n    build: ./pose\n    volumes:\n      - ./models:/models\n' },
      notes: 'Compose `build` (context), `volumes` and `env_file` values, Dockerfile COPY/ADD sources, and the words of every shell script are checked.',
    },
  },
  check(context) {
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        for (const key of ['build', 'volumes', 'env_file']) {
          const node = service.get(key);
          if (!node) continue;
          const scalars: Scalar[] = [];
          if (isScalar(node)) scalars.push(node);
          else if (isMap(node) || isSeq(node)) {
            visit(node as Node, {
              Scalar(_key, scalar) {
                scalars.push(scalar);
              },
            });
          }
          for (const scalar of scalars) {
            if (typeof scalar.value !== 'string' || !WINDOWS_MOUNT.test(scalar.value)) continue;
            context.report({ file: compose.file, range: rangeOfNode(compose.file, scalar), message: `Service "${service.name}" uses the Windows drive path "${scalar.value}" in \`${key}\`; keep files in the WSL file system and use a relative path.` });
          }
        }
      }
      // Top-level volumes with driver_opts device paths.
      const volumes = compose.root?.get('volumes', true);
      if (isMap(volumes)) {
        visit(volumes as Node, {
          Scalar(_key, scalar) {
            if (typeof scalar.value === 'string' && WINDOWS_MOUNT.test(scalar.value)) {
              context.report({ file: compose.file, range: rangeOfNode(compose.file, scalar), message: `Volume uses the Windows drive path "${scalar.value}"; keep files in the WSL file system.` });
            }
          },
        });
      }
    }
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (!instruction.copy) continue;
        for (const source of instruction.copy.sources) {
          if (!WINDOWS_MOUNT.test(source.value)) continue;
          context.report({ file: dockerfile.file, range: source.range, message: `${instruction.keyword} source "${source.value}" is a Windows drive path; sources must be relative to the build context in the WSL file system.` });
        }
      }
    }
    for (const script of context.project.scripts) {
      for (const command of script.script.commands) {
        for (const word of command.argv) {
          if (!WINDOWS_MOUNT.test(word.value)) continue;
          context.report({ file: script.file, range: script.file.rangeOf(word.start, word.end), message: `"${word.value}" is a Windows drive path; run from the WSL file system (e.g. ~/repos/…) instead.` });
        }
      }
    }
  },
};

export default rule;
