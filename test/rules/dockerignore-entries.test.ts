import rule from '../../rules/dockerignore-entries.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

const complete = 'node_modules\n__pycache__\n.git\n.gitignore\n.env\n*.log\ndata/\n*.pkl\n';

testRule(rule, {
  valid: [
    { name: 'complete', files: { '.dockerignore': complete } },
    { name: 'broader patterns', files: { '.dockerignore': '**/node_modules\n**/__pycache__\n.git*\n.env\n**/*.log\ndata\n*.pkl\n' } },
    { name: 'custom entries', options: { entries: ['.git'] }, files: { '.dockerignore': '.git\n' } },
    { name: 'allow-list style', files: { '.dockerignore': '*\n!src\n!package.json\n' } },
  ],
  invalid: [
    { name: 'only node_modules', files: { '.dockerignore': 'node_modules\n' }, errors: [{ line: 1, column: 1, message: '`.env`' }], output: `node_modules\n${complete.replace('node_modules\n', '')}` },
    {
      name: 'CRLF file without a final line break',
      files: { '.dockerignore': '# keep secrets out\r\nnode_modules\r\n.env' },
      options: { entries: ['node_modules', '.env', '.git'] },
      errors: [{ line: 1, message: '`.git`' }],
      output: '# keep secrets out\r\nnode_modules\r\n.env\r\n.git\r\n',
    },
    { name: 're-included .env', files: { '.dockerignore': `${complete}!.env\n` }, errors: [{ line: 1, message: 'does not exclude `.env`.' }], output: `${complete}!.env\n.env\n` },
    { name: 'custom entries missing', options: { entries: ['.venv', 'dist/'] }, files: { '.dockerignore': '.venv\n' }, errors: [{ line: 1, message: '`dist/`' }] },
  ],
});

it('dockerignore-entries fix appends the missing entries', async () => {
  const [finding] = await runRule(rule, { files: { '.dockerignore': 'node_modules\n.git\n__pycache__\n.gitignore\n*.log\ndata/' } });
  expect(finding?.fix?.edits).toHaveLength(1);
  expect(finding!.fix!.edits[0]!.text).toBe('\n.env\n*.pkl\n');
  expect(finding!.fix!.edits[0]!.start).toBe('node_modules\n.git\n__pycache__\n.gitignore\n*.log\ndata/'.length);
});
