import { describe, expect, it } from 'vitest';
import rule from '../../rules/locked-install.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'npm ci', files: 'FROM node:20\nCOPY package*.json ./\nRUN npm ci\n' },
    { name: 'npm install with explicit packages', files: 'FROM node:20\nRUN npm install -g pnpm@9.1.0 && npm install left-pad@1.3.0\n' },
    { name: 'yarn frozen / immutable', files: 'FROM node:20\nRUN yarn install --frozen-lockfile\nRUN yarn --immutable\nRUN yarn build\n' },
    { name: 'pnpm frozen', files: 'FROM node:20\nRUN pnpm install --frozen-lockfile --prod\n' },
    { name: 'pip pinned or from file', files: 'FROM python:3.12\nRUN pip install flask==3.0.3 "gunicorn[gevent]==22.0.0"\nRUN pip install -r requirements.txt celery\nRUN pip install --upgrade pip setuptools wheel\nRUN pip install . && pip install /wheels/*.whl\n' },
    { name: 'poetry install, uv sync', files: 'FROM python:3.12\nRUN poetry install --no-root && uv sync --locked && poetry lock --check\n' },
  ],
  invalid: [
    { name: 'npm install, lock copied: fixable', files: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n', errors: [{ line: 3, column: 5, message: 'npm ci' }], output: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n' },
    {
      name: 'pnpm install, lock copied: fixable',
      files: 'FROM node:20\nCOPY package.json pnpm-lock.yaml ./\nRUN corepack enable && pnpm install\n',
      errors: [{ line: 3, column: 24, message: '--frozen-lockfile' }],
      output: 'FROM node:20\nCOPY package.json pnpm-lock.yaml ./\nRUN corepack enable && pnpm install --frozen-lockfile\n',
    },
    { name: 'yarn without frozen', files: 'FROM node:20\nRUN yarn && yarn install --production\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 13 }] },
    { name: 'pnpm install', files: 'FROM node:20\nRUN pnpm install\n', errors: [{ line: 2, message: '--frozen-lockfile' }], output: null },
    { name: 're-locking', files: 'FROM python:3.12\nRUN poetry lock && poetry install\nRUN pip-compile requirements.in\nRUN npm update\n', errors: [{ line: 2 }, { line: 3 }, { line: 4 }] },
    { name: 'unpinned pip', files: 'FROM python:3.12\nRUN python -m pip install --no-cache-dir -i https://x/simple flask "django>=4"\n', errors: [{ line: 2, column: 5, message: '"flask", "django>=4"' }] },
    { name: 'in heredoc', files: 'FROM python:3.12\nRUN <<EOF\npip install requests\nEOF\n', errors: [{ line: 3, column: 1 }] },
  ],
});

describe('locked-install fix', () => {
  it('replaces install with ci when package-lock.json is copied', async () => {
    const [finding] = await runRule(rule, { files: 'FROM node:20\nCOPY package*.json ./\nRUN npm install\n' });
    expect(finding?.fix?.edits).toHaveLength(1);
    expect(finding!.fix!.edits[0]!.text).toBe('ci');
    expect(finding!.fix!.edits[0]!.end - finding!.fix!.edits[0]!.start).toBe('install'.length);
  });
  it('offers no fix without a lock file', async () => {
    const [finding] = await runRule(rule, { files: 'FROM node:20\nCOPY package.json ./\nRUN npm install\n' });
    expect(finding).toBeDefined();
    expect(finding!.fix).toBeUndefined();
  });
});
