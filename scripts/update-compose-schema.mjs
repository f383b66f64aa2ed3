// Refresh src/model/schema/compose-spec.json, the official compose-spec JSON schema.
//   node scripts/update-compose-schema.mjs                 take it from the newest `dclint` npm package (which ships it)
//   node scripts/update-compose-schema.mjs --from FILE     take it from a compose-spec or compose-go checkout
// Then run the tests: compose-schema's cases and the corpus sweep show what the new schema changes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'src/model/schema/compose-spec.json');
const fromIndex = process.argv.indexOf('--from');
let text;
if (fromIndex > 0) {
  text = fs.readFileSync(path.resolve(process.argv[fromIndex + 1]), 'utf8');
} else {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-schema-'));
  try {
    const tarball = execFileSync('npm', ['pack', 'dclint', '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', path.join(work, tarball), '-C', work, 'package/schemas/compose.schema.json']);
    text = fs.readFileSync(path.join(work, 'package/schemas/compose.schema.json'), 'utf8');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
const schema = JSON.parse(text);
if (schema.title !== 'Compose Specification' || !schema.definitions?.service) throw new Error('this does not look like the compose-spec schema');
fs.writeFileSync(target, text.endsWith('\n') ? text : `${text}\n`);
console.log(`updated ${path.relative(root, target)} (${Object.keys(schema.definitions.service.properties).length} service attributes)`);
