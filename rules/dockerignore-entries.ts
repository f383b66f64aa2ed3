import type { DockerignoreModel } from '../src/model/dockerignore.js';
import type { Rule } from '../src/engine/types.js';
import { withoutTrailing } from '../src/model/trim.js';

const DEFAULT_ENTRIES = ['node_modules', '__pycache__', '.git', '.gitignore', '.env', '*.log', 'data/', '*.pkl'];

/** Sample paths an entry must exclude: a glob gets a file name that it matches, a directory a file inside. */
function samplesOf(entry: string): string[] {
  const bare = entry.replace(/^\/+/, '');
  const directory = bare.endsWith('/');
  const name = withoutTrailing(bare, '/');
  const concrete = name.replace(/\*\*\//g, '').replace(/\*/g, 'sample').replace(/\?/g, 'x');
  return directory ? [`${concrete}/x`] : [concrete];
}

function missingEntries(ignore: DockerignoreModel, entries: string[]): string[] {
  return entries.filter((entry) => samplesOf(entry).some((sample) => !ignore.ignores(sample)));
}

const rule: Rule = {
  meta: {
    id: 'dockerignore-entries',
    description: 'The `.dockerignore` must exclude dependencies, VCS data, secrets, logs and data files.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerignore'],
    fixable: true,
    options: {
      schema: {
        type: 'object',
        properties: { entries: { type: 'array', items: { type: 'string' }, description: 'Patterns every .dockerignore must exclude.' } },
        additionalProperties: false,
      },
      defaults: { entries: DEFAULT_ENTRIES },
    },
    docs: {
      rationale:
        'Host `node_modules` and `__pycache__` overwrite what the image installed and break native modules; `.git` and data files make the context huge and bust the cache; `.env` puts secrets into image layers. The check uses Docker\'s own matching, so a later `!.env` re-including the file is a finding too.',
      bad: { filename: '.dockerignore', code: 'node_modules\n' },
      good: { filename: '.dockerignore', code: 'node_modules\n__pycache__\n.git\n.gitignore\n.env\n*.log\ndata/\n*.pkl\n' },
      notes: 'Option `entries` replaces the list. Each entry is checked by matching a sample path (`app.log` for `*.log`, `data/x` for `data/`). The fix appends the missing entries to the end of the file.',
    },
  },
  check(context) {
    const entries = Array.isArray(context.options.entries) ? (context.options.entries as unknown[]).filter((entry): entry is string => typeof entry === 'string') : DEFAULT_ENTRIES;
    for (const ignore of context.project.dockerignores) {
      const missing = missingEntries(ignore, entries);
      if (!missing.length) continue;
      const text = ignore.file.text;
      const prefix = text.length && !text.endsWith('\n') ? '\n' : '';
      context.report({
        file: ignore.file,
        range: ignore.file.lineRange(1),
        message: `${ignore.file.displayPath} does not exclude ${missing.map((entry) => `\`${entry}\``).join(', ')}.`,
        fix: { description: `Append ${missing.join(', ')}`, edits: [{ file: ignore.file.path, start: text.length, end: text.length, text: `${prefix}${missing.join('\n')}\n` }] },
      });
    }
  },
};

export default rule;
