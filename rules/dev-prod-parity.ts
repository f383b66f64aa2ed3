import path from 'node:path';
import type { DockerfileModel } from '../src/model/dockerfile.js';
import { formatImageRef } from '../src/model/image-ref.js';
import { effectiveArgv, finalStage, runCommands, wordRange, stageChain } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const PRODUCTION_NAMES = new Set(['dockerfile', 'containerfile', 'dockerfile.prod', 'dockerfile.production', 'prod.dockerfile', 'production.dockerfile']);
const DEV_NAMES = new Set(['dockerfile.dev', 'dockerfile.development', 'dev.dockerfile', 'development.dockerfile', 'containerfile.dev']);
const DEV_TOOLS = new Set(['debugpy', 'ipdb', 'pdbpp', 'pytest', 'nodemon']);
const INSTALLERS = new Set(['pip', 'pip3', 'uv', 'poetry', 'pipenv', 'npm', 'yarn', 'pnpm']);

function packageName(word: string): string {
  const scoped = word.startsWith('@');
  const body = scoped ? word.slice(1) : word;
  return (scoped ? '@' : '') + body.replace(/[@=<>~![;].*$/, '').toLowerCase();
}

const rule: Rule = {
  meta: {
    id: 'dev-prod-parity',
    description: 'Dockerfile and Dockerfile.dev share a base image, and development-only settings and tools stay out of the production Dockerfile.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A development image on a different base (another Python or Node version, another distro) hides bugs until production. The opposite leak is as costly: `PYTHONPATH`/`NODE_PATH` hacks, debuggers, test runners, file watchers and `--reload` in the production image make it bigger, slower and easier to attack, and mean production runs code paths nobody tested.',
      bad: { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app/src\nRUN pip install debugpy\nCMD ["uvicorn", "app:app", "--reload"]\n' },
      good: { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install /app\nCMD ["uvicorn", "app:app"]\n' },
      notes:
        'Applies to a production Dockerfile (`Dockerfile`, `Containerfile`, `Dockerfile.prod`) with a development one beside it (`Dockerfile.dev`, `Dockerfile.development`, `dev.Dockerfile`). The base images compared are each file\'s first stage image. Production checks look at the final stage and the stages it builds on: `ENV PYTHONPATH`/`NODE_PATH`, installs of debugpy, ipdb, pytest or nodemon, `--with dev`/`--dev`, and `--reload` in CMD/ENTRYPOINT. Lock-file discipline is `locked-install`\'s job.',
    },
  },
  check(context) {
    const byDirectory = new Map<string, { prod: DockerfileModel[]; dev: DockerfileModel[] }>();
    for (const dockerfile of context.project.dockerfiles) {
      const name = path.basename(dockerfile.file.path).toLowerCase();
      const kind = PRODUCTION_NAMES.has(name) ? 'prod' : DEV_NAMES.has(name) ? 'dev' : null;
      if (!kind) continue;
      const directory = path.dirname(dockerfile.file.path);
      const entry = byDirectory.get(directory) ?? { prod: [], dev: [] };
      entry[kind].push(dockerfile);
      byDirectory.set(directory, entry);
    }
    for (const { prod, dev } of byDirectory.values()) {
      if (!prod.length || !dev.length) continue;
      const production = prod.find((model) => ['dockerfile', 'containerfile'].includes(path.basename(model.file.path).toLowerCase())) ?? prod[0]!;
      const prodFrom = production.stages[0]?.from;
      for (const development of dev) {
        const devFrom = development.stages[0]?.from;
        if (!prodFrom?.imageRef || !devFrom?.imageRef || !devFrom.imageRange || prodFrom.unresolvedVariables.length || devFrom.unresolvedVariables.length) continue;
        const a = prodFrom.imageRef;
        const b = devFrom.imageRef;
        if ((a.registry ?? '') !== (b.registry ?? '') || a.name.replace(/^library\//, '') !== b.name.replace(/^library\//, '') || (a.tag ?? 'latest') !== (b.tag ?? 'latest')) {
          context.report({
            file: development.file,
            range: devFrom.imageRange,
            message: `Development base image "${formatImageRef(b)}" differs from production's "${formatImageRef(a)}" (${path.basename(production.file.path)}); use the same image and tag.`,
          });
        }
      }
      const final = finalStage(production);
      if (!final) continue;
      const file = production.file;
      for (const stage of stageChain(production, final)) {
        for (const instruction of stage.instructions) {
          if (instruction.keyword === 'ENV') {
            instruction.args.forEach((arg, index) => {
              const key = arg.value.includes('=') ? arg.value.slice(0, arg.value.indexOf('=')) : index === 0 && !instruction.args.some((other) => other.value.includes('=')) ? arg.value : null;
              if (key === 'PYTHONPATH' || key === 'NODE_PATH') {
                context.report({ file, range: arg.range, message: `\`ENV ${key}\` in the production Dockerfile points module resolution at paths the development setup relies on; install the application as a package instead.` });
              }
            });
          }
          if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') {
            if (instruction.jsonForm) {
              for (const arg of instruction.jsonArgs) if (arg.value === '--reload' || arg.value.startsWith('--reload=')) context.report({ file, range: arg.range, message: `\`--reload\` in the production ${instruction.keyword} watches files for development; drop it.` });
            } else {
              for (const command of instruction.shell?.commands ?? []) {
                for (const word of command.argv) if (word.value === '--reload' || word.value.startsWith('--reload=')) context.report({ file, range: wordRange(file, word), message: `\`--reload\` in the production ${instruction.keyword} watches files for development; drop it.` });
              }
            }
          }
        }
        for (const { command } of runCommands(production, stage)) {
          let argv = effectiveArgv(command);
          if (/^python[0-9.]*$/.test(argv[0]?.value ?? '')) {
            const m = argv.findIndex((word) => word.value === '-m');
            argv = m >= 0 ? argv.slice(m + 1) : [];
          }
          const program = argv[0]?.value.slice(argv[0].value.lastIndexOf('/') + 1) ?? '';
          if (!INSTALLERS.has(program)) continue;
          const words = argv.slice(1);
          if (!words.some((word) => ['install', 'add', 'i', 'sync'].includes(word.value))) continue;
          for (let i = 0; i < words.length; i++) {
            const word = words[i]!;
            if (!word.value.startsWith('-') && DEV_TOOLS.has(packageName(word.value))) {
              context.report({ file, range: wordRange(file, word), message: `"${word.value}" is development tooling installed in the production image; install it only in the development Dockerfile.` });
            } else if ((word.value === '--with' || word.value === '--only') && words[i + 1]?.value.split(',').includes('dev')) {
              context.report({ file, range: wordRange(file, word), message: `\`${word.value} ${words[i + 1]!.value}\` installs development dependencies into the production image.` });
            } else if (/^--(with|only)=(.*,)?dev(,|$)/.test(word.value) || word.value === '--dev') {
              context.report({ file, range: wordRange(file, word), message: `\`${word.value}\` installs development dependencies into the production image.` });
            }
          }
        }
      }
    }
  },
};

export default rule;
