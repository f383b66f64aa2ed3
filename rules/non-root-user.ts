import type { DockerInstruction, Stage } from '../src/model/dockerfile.js';
import { finalStage, stageChain } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

/** The last USER in a stage or, failing that, in the stages it builds on. */
function effectiveUser(chain: Stage[]): DockerInstruction | null {
  for (const stage of chain) {
    const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER');
    if (users.length) return users[users.length - 1]!;
  }
  return null;
}

/** Base images documented to run as a non-root user: distroless `:nonroot`, Ubuntu chiseled, Chainguard. */
function nonRootBase(chain: Stage[]): boolean {
  const ref = chain[chain.length - 1]?.from.imageRef;
  if (!ref) return false;
  const tag = ref.tag ?? '';
  return /(^|-)nonroot($|-)/.test(tag) || /chiseled/.test(tag) || (ref.registry === 'cgr.dev' && !/(^|-)dev$/.test(tag));
}

const rule: Rule = {
  meta: {
    id: 'non-root-user',
    aliases: ['DL3002'],
    description: 'The final stage must switch to a non-root USER.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Containers run as root unless told otherwise. A process running as root that is compromised (or just buggy) can write anywhere in the image, bind low ports, and is one kernel or runtime bug away from root on the host. A `USER` with an unprivileged account costs one line.',
      bad: { code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n' },
      good: { code: 'FROM python:3.12-slim\nRUN useradd --create-home --uid 10001 app\nCOPY app.py /app/\nUSER app\nCMD ["python", "/app/app.py"]\n' },
      notes:
        'Only the last `USER` of the final stage counts; a `USER` set in a stage the final stage is built `FROM` is inherited. `root`, `0`, `root:root` and `0:0` are findings at the `USER`; no `USER` at all is a finding at the final `FROM` (also for `FROM scratch`: use `USER 65534`), unless the base image is documented to run as non-root (distroless `:nonroot`, Ubuntu `chiseled`, Chainguard `cgr.dev` images). A `USER ${VAR}` cannot be judged and is accepted.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const final = finalStage(dockerfile);
      if (!final) continue;
      const chain = stageChain(dockerfile, final);
      const user = effectiveUser(chain);
      if (!user && nonRootBase(chain)) continue;
      if (!user) {
        context.report({ file: dockerfile.file, range: final.fromInstruction.range, message: 'The final stage has no USER, so the container runs as root; add `USER <non-root user>`.' });
        continue;
      }
      const value = (user.args[0]?.value ?? '').trim();
      const name = value.split(':')[0]!.toLowerCase();
      if (name === 'root' || /^0+$/.test(name)) {
        context.report({ file: dockerfile.file, range: user.argsRange ?? user.range, message: `The final stage runs as root (\`USER ${value}\`); switch to a non-root user.` });
      }
    }
  },
};

export default rule;
