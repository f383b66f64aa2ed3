import { hasOption, optionValues, yarnCall } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import { mountTargets, removedPaths } from '../src/model/run-context.js';
import type { ShellCommand } from '../src/model/shell.js';
import type { Rule } from '../src/engine/types.js';

/** Yarn's cache directories: ~/.cache/yarn, /usr/local/share/.cache/yarn, .yarn/cache, .yarn-cache. */
const YARN_CACHE_PATH = /(\.cache\/yarn|\.yarn\/cache|\.yarn-cache|yarn-cache)(\/.*)?$/;

function cleansCache(command: ShellCommand, cacheFolders: string[]): boolean {
  const yarn = yarnCall(command);
  if (yarn?.subcommand?.value === 'cache' && yarn.operands[0]?.value === 'clean') return true;
  return removedPaths(command).some((path) => YARN_CACHE_PATH.test(path) || cacheFolders.some((folder) => path === folder || path.startsWith(`${folder}/`)));
}

const rule: Rule = {
  meta: {
    id: 'yarn-cache-clean',
    aliases: ['DL3060'],
    description: 'A RUN with `yarn install` should end with `yarn cache clean` (or use a cache mount), so the package cache stays out of the image.',
    severity: 'info',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Yarn copies every package it downloads into its global cache before linking it into node_modules. In an image that cache is a second copy of the dependencies, often hundreds of megabytes, that nothing will ever read. Cleaning it in the same RUN keeps it out of the layer; a BuildKit cache mount keeps it outside the image and makes rebuilds faster.',
      bad: { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n' },
      good: { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
      notes:
        'A bare `yarn` (which installs) is checked too. Accepted: `yarn cache clean` anywhere in the same RUN, a recursive `rm` of the yarn cache folder (or of the `--cache-folder` given to the install), and any cache mount on the RUN (as hadolint does, since the cache folder can be configured anywhere).',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { instruction, command } of runCommands(dockerfile)) {
        const yarn = yarnCall(command);
        if (!yarn || !(yarn.subcommand === null || yarn.subcommand.value === 'install') || hasOption(yarn, '-v', '--version', '-h', '--help')) continue;
        if (mountTargets(instruction, 'cache').length) continue;
        const cacheFolders = optionValues(yarn, '--cache-folder');
        if (instruction.shell?.commands.some((other) => cleansCache(other, cacheFolders))) continue;
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, yarn.commandWord),
          message: '`yarn install` leaves a copy of every package in the yarn cache inside this layer; add `&& yarn cache clean` to the same RUN, or use `--mount=type=cache,target=/usr/local/share/.cache/yarn`.',
        });
      }
    }
  },
};

export default rule;
