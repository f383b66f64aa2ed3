import fs from 'node:fs';
import path from 'node:path';
import { isMap, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/fixes.js';
import { parseCompose } from '../../src/model/compose.js';
import { SourceFile } from '../../src/model/source.js';
import { appendPairs, indentUnit, mergeInto } from '../../src/model/yaml-edits.js';

const compose = (text: string) => parseCompose(new SourceFile('/p/compose.yaml', 'compose', text));
const GPU = { deploy: { resources: { reservations: { devices: [{ driver: 'nvidia', count: '1', capabilities: ['gpu'] }] } } } };

function withoutDeploy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDeploy);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'deploy').map(([key, child]) => [key, withoutDeploy(child)]));
}

/** Merge the GPU block into every service; the result must parse to the same data plus the reservation. */
function mergeEverywhere(text: string): { fixed: string; services: number; skipped: number } | null {
  const model = compose(text);
  if (model.problems.length) return null;
  let fixed = text;
  let services = 0;
  let skipped = 0;
  // One service at a time, re-parsing, as the fix loop does.
  for (const name of model.services.map((service) => service.name)) {
    const current = compose(fixed);
    const service = current.services.find((candidate) => candidate.name === name)!;
    if (!service.node || !service.node.items.length) continue;
    const edit = mergeInto(current.file, service.node, GPU, indentUnit(current.file, service.node, service.keyNode));
    if (!edit) {
      skipped++;
      continue;
    }
    fixed = applyEdits(fixed, [edit]);
    services++;
  }
  return { fixed, services, skipped };
}

describe('YAML edits from node ranges', () => {
  it('appends block pairs after the last pair, before comments that belong to the next key', () => {
    const model = compose('services:\n  a:\n    image: x   # keep\n  # about b\n  b:\n    image: y\n');
    const service = model.services[0]!;
    const edit = appendPairs(model.file, service.node!, { command: '"true"' }, indentUnit(model.file, service.node!, service.keyNode))!;
    expect(applyEdits(model.file.text, [edit])).toBe('services:\n  a:\n    image: x   # keep\n    command: "true"\n  # about b\n  b:\n    image: y\n');
  });

  it('writes sequences in the style the file uses for the items it extends', () => {
    const { fixed } = mergeEverywhere('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        reservations:\n          devices:\n          - driver: tpu\n')!;
    expect(fixed).toBe('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        reservations:\n          devices:\n          - driver: tpu\n          - driver: nvidia\n            count: 1\n            capabilities: [gpu]\n');
  });

  // Beside the repository in CI (as in test/corpus.test.ts); DOCKER_POLICY_CORPUS points elsewhere.
  const corpus = process.env.DOCKER_POLICY_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/corpus');
  it.runIf(fs.existsSync(corpus))('merging a GPU reservation into every service of every real-world compose file keeps all other data and yields valid YAML', () => {
    const files = (fs.readdirSync(corpus, { recursive: true }) as string[]).filter((file) => /(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(file));
    expect(files.length).toBeGreaterThan(50);
    let merged = 0;
    let skipped = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      const outcome = mergeEverywhere(text);
      if (!outcome) continue;
      merged += outcome.services;
      skipped += outcome.skipped;
      const load = (source: string) => parse(source, { maxAliasCount: 1000 }) as { services?: Record<string, Record<string, unknown> | null> };
      const before = load(text);
      const after = load(outcome.fixed);
      if (!isMap(compose(text).root?.get('services', true))) continue;
      for (const [name, body] of Object.entries(before.services ?? {})) {
        const fixed = after.services![name];
        if (!body || typeof body !== 'object' || !Object.keys(body).length) {
          expect(fixed, `${file} ${name}`).toEqual(body);
          continue;
        }
        const reservations = (fixed as { deploy?: { resources?: { reservations?: { devices?: unknown[] } } } }).deploy?.resources?.reservations?.devices;
        if (reservations) expect(reservations.at(-1), `${file} ${name}`).toEqual({ driver: 'nvidia', count: 1, capabilities: ['gpu'] });
        // Everything but `deploy` is unchanged (also through `<<: *anchor` merges, whose source may have gained one).
        expect(withoutDeploy(fixed), `${file} ${name}`).toEqual(withoutDeploy(body));
      }
    }
    console.log(`yaml edits: GPU reservation merged into ${merged} services of ${files.length} compose files; ${skipped} left without a fix`);
    expect(merged).toBeGreaterThan(100);
  });
});
