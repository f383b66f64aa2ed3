import { expect, it } from 'vitest';
import rule from '../../rules/copy-instead-of-add.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'COPY', files: 'FROM alpine:3.21\nCOPY app /app\n' },
    { name: 'tar archive to extract', files: 'FROM alpine:3.21\nADD vendor.tar.gz /opt/\n' },
    { name: 'remote URL', files: 'FROM alpine:3.21\nADD https://example.com/tool /usr/local/bin/tool\n' },
    { name: 'git URL', files: 'FROM alpine:3.21\nADD git@github.com:acme/tools.git /src/tools\n' },
    { name: 'source from a variable', files: 'FROM alpine:3.21\nARG BUNDLE\nADD ${BUNDLE} /opt/\n' },
    { name: 'quoted archive in exec form', files: 'FROM alpine:3.21\nADD ["vendor.tgz", "/opt/"]\n' },
    { name: 'hadolint pragma with several codes', files: 'FROM alpine:3.21\n# hadolint ignore=DL3008,DL3020\nADD app.py /app/\n' },
  ],
  invalid: [
    { name: 'plain file', files: 'FROM alpine:3.21\nADD requirements.txt /app/\n', errors: [{ line: 2, column: 5, message: '`requirements.txt` is a local path' }] },
    { name: 'folder, lower-case keyword', files: 'FROM alpine:3.21\nadd --chown=app src/ /app/src/\n', errors: [{ line: 2, column: 17, message: 'use COPY instead of ADD' }] },
    { name: 'zip is not extracted by ADD', files: 'FROM alpine:3.21\nADD site.zip /srv/\n', errors: [{ line: 2, column: 5 }] },
    { name: 'archive and a plain file', files: 'FROM alpine:3.21\nADD vendor.tar.gz config.yaml /opt/\n', errors: [{ line: 2, column: 19, message: '`config.yaml`' }] },
    { name: 'exec form', files: 'FROM alpine:3.21\nADD ["app.py", "/app/"]\n', errors: [{ line: 2, column: 6 }] },
    { name: 'continuation line', files: 'FROM alpine:3.21\nADD \\\n  app.py /app/\n', errors: [{ line: 3, column: 3 }] },
  ],
});

it('fixes ADD to COPY when every source is plain and keeps the case of the keyword', async () => {
  const [upper] = await runRule(rule, { files: 'FROM alpine:3.21\nADD --chown=app a.txt b/ /app/\n' });
  expect(upper!.fix!.edits).toEqual([expect.objectContaining({ start: 17, end: 20, text: 'COPY' })]);
  const [lower] = await runRule(rule, { files: 'FROM alpine:3.21\nadd a.txt /app/\n' });
  expect(lower!.fix!.edits[0]!.text).toBe('copy');
});

it('offers no fix when an archive would no longer be extracted or an ADD-only flag is used', async () => {
  const [mixed] = await runRule(rule, { files: 'FROM alpine:3.21\nADD vendor.tar.gz config.yaml /opt/\n' });
  expect(mixed!.fix).toBeUndefined();
  const [checksum] = await runRule(rule, { files: 'FROM alpine:3.21\nADD --checksum=sha256:abc a.txt /app/\n' });
  expect(checksum!.fix).toBeUndefined();
});
