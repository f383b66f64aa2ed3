import type { Rule } from '../src/engine/types.js';
import { inheritsInstruction } from '../src/model/queries.js';

const rule: Rule = {
  meta: {
    id: 'json-args-recommended',
    aliases: ['DL3025', 'JSONArgsRecommended'],
    description: 'CMD and ENTRYPOINT should use the JSON (exec) form, so the process receives stop signals.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'In shell form (`CMD node server.js`) Docker runs `/bin/sh -c "node server.js"`: the shell is PID 1 and does not forward SIGTERM, so `docker stop` waits its timeout and then kills the process without a graceful shutdown. The JSON form (`CMD ["node", "server.js"]`) runs the program directly. BuildKit reports it as `JSONArgsRecommended`, hadolint as DL3025.',
      bad: { code: 'FROM node:20-slim\nCOPY . /app\nCMD node /app/server.js\n' },
      good: { code: 'FROM node:20-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n' },
      notes:
        'As in BuildKit, a stage (or a stage it builds on) that sets `SHELL` has chosen its shell on purpose and is not reported. When you need shell features, keep the shell but make it hand over the process: `CMD ["sh", "-c", "exec node server.js"]`.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const stage of dockerfile.stages) {
        let shellSet = inheritsInstruction(dockerfile, stage, 'SHELL');
        for (const instruction of stage.instructions) {
          if (instruction.keyword === 'SHELL') shellSet = true;
          if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || instruction.jsonForm || shellSet || !instruction.argsRange) continue;
          const words = instruction.shell?.commands.length === 1 && !instruction.argsText.includes('$') ? instruction.shell.commands[0]!.argv.map((word) => word.value) : null;
          const suggestion = words && words.length ? `: ${instruction.keyword} ${JSON.stringify(words).replace(/","/g, '", "')}` : `, e.g. ${instruction.keyword} ["executable", "arg"]`;
          context.report({
            file: dockerfile.file,
            range: instruction.argsRange,
            message: `${instruction.keyword} in shell form runs under "/bin/sh -c", which does not pass SIGTERM to the process; use the JSON form${suggestion}.`,
          });
        }
      }
    }
  },
};

export default rule;
