import type { Rule } from '../src/engine/types.js';
import { closestName, definingInstructions, isAlwaysDefined, PLATFORM_ARGS, variableReferences } from '../src/model/dockerfile-vars.js';

const rule: Rule = {
  meta: {
    id: 'undefined-arg-in-from',
    aliases: ['UndefinedArgInFrom'],
    description: 'Variables in FROM (image and `--platform`) must be global ARGs, declared before the first FROM, or BuildKit\'s platform ARGs.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'FROM lines only see ARGs declared before the first FROM. An undeclared variable expands to an empty string, so `FROM node:${NODE_VERSON}` quietly becomes `node:` (or the build fails with a confusing message). BuildKit reports it as `UndefinedArgInFrom`.',
      bad: { code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-slim\n' },
      good: { code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim\n' },
      notes:
        'BuildKit\'s automatic platform ARGs (TARGETPLATFORM, TARGETOS, TARGETARCH, TARGETVARIANT, BUILDPLATFORM, BUILDOS, BUILDARCH, BUILDVARIANT, TARGETSTAGE), the proxy ARGs and BUILDKIT_* are always defined here. A global ARG without a default is declared (its value comes from `--build-arg`); `invalid-default-arg-in-from` checks what such a FROM resolves to.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      const globals = new Set(dockerfile.globalArgs.map((arg) => arg.name));
      const candidates = [...globals, ...PLATFORM_ARGS];
      for (const stage of dockerfile.stages) {
        const spans = [stage.from.imageRange, stage.from.platform?.range ?? null].filter((range) => range !== null);
        for (const range of spans) {
          const start = file.offsetAt(range.start);
          const text = file.text.slice(start, file.offsetAt(range.end));
          for (const reference of variableReferences(text, start, dockerfile.escapeChar)) {
            if (globals.has(reference.name) || PLATFORM_ARGS.includes(reference.name) || isAlwaysDefined(reference.name)) continue;
            const suggestion = closestName(reference.name, candidates);
            const inStage = dockerfile.stages.find((other) => definingInstructions(dockerfile, other, reference.name).some((instruction) => instruction.keyword === 'ARG'));
            const why = suggestion
              ? ` (did you mean $${suggestion}?)`
              : inStage
                ? `: it is declared inside a stage (line ${inStage.fromInstruction.range.start.line}), but FROM lines only see ARGs declared before the first FROM`
                : `; declare it with "ARG ${reference.name}=<default>" before the first FROM`;
            context.report({ file, range: file.rangeOf(reference.start, reference.end), message: `FROM argument "${reference.name}" is not declared${why}.` });
          }
        }
      }
    }
  },
};

export default rule;
