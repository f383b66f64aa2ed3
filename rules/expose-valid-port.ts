import { unquoteWord } from '../src/model/dockerfile-words.js';
import { hasVariableReference } from '../src/model/dockerfile-vars.js';
import type { Rule } from '../src/engine/types.js';

const MAX_PORT = 65535;
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** What is wrong with one EXPOSE word, or null. */
function portProblem(word: string): string | null {
  const slash = word.indexOf('/');
  const ports = slash >= 0 ? word.slice(0, slash) : word;
  const protocol = slash >= 0 ? word.slice(slash + 1) : null;
  if (protocol !== null && !PROTOCOLS.has(protocol.toLowerCase())) return `\`${word}\`: the protocol must be tcp, udp or sctp.`;
  const match = /^(\d+)(?:-(\d+))?$/.exec(ports);
  if (!match) return `\`${word}\` is not a port: write a number (\`8080\`), a range (\`8000-8010\`), optionally with \`/tcp\`, \`/udp\` or \`/sctp\`.`;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  const outOfRange = [low, high].find((port) => port > MAX_PORT);
  if (outOfRange !== undefined) return `Port ${outOfRange} in \`${word}\` is out of range: valid UNIX ports are 0–${MAX_PORT}.`;
  if (high < low) return `\`${word}\` is an empty range: write the lower port first.`;
  return null;
}

const rule: Rule = {
  meta: {
    id: 'expose-valid-port',
    aliases: ['DL3011'],
    description: 'EXPOSE must list valid ports (0–65535), ranges and protocols (`tcp`, `udp`, `sctp`).',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Ports are 16-bit numbers. `EXPOSE 80000`, a reversed range or a typo in the protocol either fails the build or documents a port nothing can listen on, misleading everyone who reads the image metadata.',
      bad: { code: 'FROM nginx:1.27-alpine\nEXPOSE 80000\nEXPOSE 9100-9000 53/dns\n' },
      good: { code: 'FROM nginx:1.27-alpine\nEXPOSE 8080\nEXPOSE 9000-9100 53/udp\n' },
      notes: 'Words written with a variable (`EXPOSE $PORT`) are only known at build time and are accepted. hadolint checks the upper limit; the reversed range and the protocol are checked here too, because Docker rejects them.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'EXPOSE') continue;
        for (const argument of instruction.args) {
          const word = unquoteWord(argument.value);
          if (hasVariableReference(argument.value, dockerfile.escapeChar)) continue;
          const message = portProblem(word);
          if (message) context.report({ file: dockerfile.file, range: argument.range, message });
        }
      }
    }
  },
};

export default rule;
