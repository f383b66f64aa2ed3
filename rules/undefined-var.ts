import type { Rule } from '../src/engine/types.js';
import type { Stage } from '../src/model/dockerfile.js';
import { closestName, definingInstructions, expandedSpans, isAlwaysDefined, keyValuePairs, stageVariables, variableReferences, type Definition, type Scope } from '../src/model/dockerfile-vars.js';

/** Base images whose configuration sets no ENV besides PATH. */
const DEFAULT_BASE_IMAGE_ENV: Record<string, string[]> = { alpine: [], busybox: [], debian: [], ubuntu: [] };

/** Repository name as a key: Docker Hub's `library/` and `docker.io/` dropped. */
function imageKey(registry: string | undefined, name: string): string {
  const hub = !registry || registry === 'docker.io' || registry === 'index.docker.io';
  const bare = hub ? name.replace(/^library\//, '') : `${registry}/${name}`;
  return bare.toLowerCase();
}

/** ENV names the stage's base image sets, when known: scratch sets none; null when it cannot be known statically. */
function baseImageEnv(root: Stage, table: Record<string, string[]>): { names: Set<string>; image: string } | null {
  if (root.from.isScratch) return { names: new Set(), image: 'scratch' };
  const ref = root.from.imageRef;
  if (!ref || root.from.unresolvedVariables.length) return null;
  const key = imageKey(ref.registry, ref.name);
  const names = table[key];
  return Array.isArray(names) ? { names: new Set(names.map(String)), image: key } : null;
}

const rule: Rule = {
  meta: {
    id: 'undefined-var',
    aliases: ['UndefinedVar'],
    description: 'Variables that BuildKit expands (in ENV, ARG, COPY, ADD, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL) must be defined by an ARG or ENV first.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    options: {
      schema: {
        type: 'object',
        properties: {
          baseImageEnv: {
            type: 'object',
            description: 'Base images whose ENV is known, by repository (`node`, `ghcr.io/acme/base`) → the ENV names they set. Stages on these images (and on `scratch`) are checked fully; stages on other images only for definite mistakes.',
          },
        },
        additionalProperties: false,
      },
      defaults: { baseImageEnv: {} },
    },
    docs: {
      rationale:
        'An undefined variable expands to an empty string: `COPY $APP_DIR/ /srv/` copies the whole context, `WORKDIR /opt/$VERSON` creates `/opt/`. The most common cause is an ARG declared before the first FROM, which is visible only in FROM lines until the stage redeclares it with `ARG NAME`. BuildKit reports it as `UndefinedVar`.',
      bad: { code: 'ARG VERSION=1.4.2\nFROM alpine:3.21\nLABEL org.opencontainers.image.version=$VERSION\nENV PATH=$PAHT:/opt/app/bin\n' },
      good: { code: 'ARG VERSION=1.4.2\nFROM alpine:3.21\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\nENV PATH=$PATH:/opt/app/bin\n' },
      notes:
        'Scoping follows BuildKit: global ARGs are visible only in FROM lines unless redeclared in the stage; ARG and ENV apply from the next name or instruction on; `FROM <stage>` inherits both; BuildKit\'s platform ARGs (TARGETARCH …) must be declared in the stage too. PATH, the proxy ARGs and BUILDKIT_* are always defined. RUN, CMD and ENTRYPOINT are expanded by the shell, not by BuildKit, and are not checked; neither are ONBUILD triggers.\n\nBuildKit also counts the ENV of the base image, which it pulls. Statically that is known only for `scratch`, images that set nothing but PATH (alpine, busybox, debian, ubuntu) and the images you list in `baseImageEnv`. On other base images the rule reports only definite mistakes: a global ARG that the stage did not redeclare, a variable declared later in the stage or only in another stage, and near-miss spellings of a defined name (`$PAHT`).',
    },
  },
  check(context) {
    const configured = context.options.baseImageEnv;
    const table: Record<string, string[]> = { ...DEFAULT_BASE_IMAGE_ENV };
    if (configured && typeof configured === 'object') for (const [image, names] of Object.entries(configured)) if (Array.isArray(names)) table[image.toLowerCase()] = names.map(String);
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      const globals = new Map(dockerfile.globalArgs.map((arg) => [arg.name, arg]));
      for (const variables of stageVariables(dockerfile)) {
        const stage = variables.stage;
        const base = baseImageEnv(variables.root, table);
        for (const instruction of stage.instructions) {
          const scope = variables.before.get(instruction)!;
          const reported = new Set<string>();
          const check = (text: string, offset: number, visible: Scope) => {
            for (const reference of variableReferences(text, offset, dockerfile.escapeChar)) {
              const name = reference.name;
              if (visible.has(name) || isAlwaysDefined(name) || base?.names.has(name) || reported.has(name)) continue;
              const message = explain(name, visible);
              if (!message) continue;
              reported.add(name);
              context.report({ file, range: file.rangeOf(reference.start, reference.end), message });
            }
          };
          const explain = (name: string, visible: Scope): string | null => {
            const global = globals.get(name);
            if (global) return `"$${name}" is not defined in this stage: ARG ${name} (line ${global.instruction.range.start.line}) is declared before the first FROM, which makes it visible only in FROM lines; add "ARG ${name}" inside the stage.`;
            const later = definingInstructions(dockerfile, stage, name, stage.instructions.indexOf(instruction) + 1)[0];
            if (later) return `"$${name}" is used before it is defined: ${later.keyword} ${name} comes later (line ${later.range.start.line}); move the ${later.keyword} above this line.`;
            const suggestion = closestName(name, [...visible.keys(), 'PATH', ...(base?.names ?? [])]);
            if (suggestion) return `Usage of undefined variable "$${name}" (did you mean $${suggestion}?).`;
            const elsewhere = dockerfile.stages.find((other) => other !== stage && definingInstructions(dockerfile, other, name).length > 0);
            if (elsewhere) return `"$${name}" is not defined in this stage: it is set in the stage on line ${elsewhere.fromInstruction.range.start.line}, which this stage does not build on; declare it here with ARG or ENV.`;
            if (base) return `Usage of undefined variable "$${name}": no ARG or ENV defines it and the base image "${base.image}" does not set it; it expands to an empty string. Declare it with "ARG ${name}" or "ENV ${name}=…".`;
            return null;
          };
          if (instruction.keyword === 'ARG') {
            // Each name of an ARG is defined for the names after it in the same instruction.
            const visible = new Map<string, Definition>(scope);
            for (const pair of keyValuePairs(dockerfile, instruction)) {
              if (pair.value !== null) check(file.text.slice(pair.valueStart, pair.word.end), pair.valueStart, visible);
              visible.set(pair.key, { name: pair.key, kind: 'arg', value: null, instruction });
            }
            continue;
          }
          for (const span of expandedSpans(dockerfile, instruction)) check(span.text, span.offset, scope);
        }
      }
    }
  },
};

export default rule;
