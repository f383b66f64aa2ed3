import rule from '../../rules/pip-no-cache-dir.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

testRule(rule, {
  valid: [
    { name: 'the flag, also as a global option', files: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt && pip --no-cache-dir install flask==3.1.0\n' },
    { name: 'ENV in a parent stage', files: 'FROM python:3.13-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install -r requirements.txt\n' },
    { name: 'ARG', files: 'FROM python:3.13-slim\nARG PIP_NO_CACHE_DIR=true\nRUN pip install flask==3.1.0\n' },
    { name: 'legacy ENV syntax', files: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR yes\nRUN pip install flask==3.1.0\n' },
    { name: 'set in the RUN itself', files: 'FROM python:3.13-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask==3.1.0 && PIP_NO_CACHE_DIR=on pip install gunicorn==23.0.0\n' },
    { name: 'a cache mount on the pip cache', files: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
    { name: 'the cache removed in the same RUN', files: 'FROM python:3.13-slim\nRUN pip install flask==3.1.0 && rm -rf /root/.cache/pip\n' },
    { name: 'pipx, pipenv and uv manage their own caches', files: 'FROM python:3.13-slim\nRUN pipx install black==25.1.0 && pipenv install && uv pip install --system flask==3.1.0\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM python:3.13-slim\n# hadolint ignore=DL3042\nRUN pip install -r requirements.txt\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM python:3.13-slim\nRUN python -m venv /venv && /venv/bin/pip install -r requirements.txt\n', errors: [{ line: 2, column: 29, message: '--no-cache-dir' }] },
    { name: 'ENV set to a false value; continuation', files: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=0\nRUN set -eux; \\\n    python3 -m pip install \\\n      flask==3.1.0\n', errors: [{ line: 4, column: 5 }] },
    { name: 'in a heredoc', files: 'FROM python:3.13-slim\nRUN <<EOF\npip3 install gunicorn==23.0.0\nEOF\n', errors: [{ line: 3, column: 1 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM python:3.13-slim\nONBUILD RUN pip install -r requirements.txt\n', errors: [{ line: 2, column: 13 }] },
    { name: 'the variable set after the install does not count', files: 'FROM python:3.13-slim\nRUN pip install flask==3.1.0\nENV PIP_NO_CACHE_DIR=1\n', errors: [{ line: 2, column: 5 }] },
  ],
});

it('fixes by inserting --no-cache-dir after install', async () => {
  const [finding] = await runRule(rule, { files: 'FROM python:3.13-slim\nRUN pip install flask==3.1.0\n' });
  expect(finding!.fix?.edits).toEqual([{ file: expect.stringMatching(/Dockerfile$/), start: 37, end: 37, text: ' --no-cache-dir' }]);
});
