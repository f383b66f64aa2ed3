import type { Rule } from '../src/engine/types.js';
import { instructionArgText, knownValue, stageVariables, dockerWords } from '../src/model/dockerfile-vars.js';
import { inheritsInstruction } from '../src/model/queries.js';

const rule: Rule = {
  meta: {
    id: 'absolute-workdir',
    aliases: ['DL3000', 'WorkdirRelativePath'],
    description: 'The first WORKDIR of a stage must be an absolute path.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A relative WORKDIR resolves against the working directory of the base image, which the Dockerfile does not control: a new base image version can move your files. An absolute path says where the application lives. BuildKit reports it as `WorkdirRelativePath`, hadolint as DL3000.',
      bad: { code: 'FROM node:20-slim\nWORKDIR app\nCOPY . .\n' },
      good: { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n' },
      notes:
        'As in BuildKit, only the first WORKDIR of a stage (and of the stages it builds on) is checked: once an absolute WORKDIR is set, relative ones below it are predictable. Variables are expanded with the ARG and ENV values the Dockerfile sets; a WORKDIR whose value is not known (`WORKDIR $HOME`, from the base image) is not reported. Windows paths (`C:\\app`) count as absolute.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const variables = stageVariables(dockerfile);
      for (const stage of dockerfile.stages) {
        if (inheritsInstruction(dockerfile, stage, 'WORKDIR')) continue;
        const workdir = stage.instructions.find((instruction) => instruction.keyword === 'WORKDIR');
        const args = workdir ? instructionArgText(dockerfile, workdir) : null;
        if (!workdir || !args) continue;
        const words = dockerWords(args.text, args.offset, dockerfile.escapeChar);
        const written = args.text.trim();
        const path = knownValue(written, variables[stage.index]!.before.get(workdir)!, dockerfile.escapeChar);
        if (path === null || !words.length || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')) continue;
        context.report({
          file: dockerfile.file,
          range: dockerfile.file.rangeOf(words[0]!.start, words[words.length - 1]!.end),
          message: `Relative WORKDIR "${path}" resolves against the base image's working directory, which can change with the base image; use an absolute path such as "/${path.replace(/^\.\/?/, '') || 'app'}".`,
        });
      }
    }
  },
};

export default rule;
