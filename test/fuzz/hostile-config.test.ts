import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { lint } from '../../src/engine/lint.js';
import { builtinRules } from '../../rules/index.js';
import { removeScratchTrees, scratchTree } from '../helpers/scratch.js';

afterEach(removeScratchTrees);
const project = (files: Record<string, string>) => scratchTree(files, 'dp-hostile-config-');

async function configError(cwd: string): Promise<ConfigError> {
  const error = await lint({ cwd, paths: ['.'], rules: builtinRules }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

// A plugin that leaves a trace when it is imported: it tells whether the engine ran its code.
const TRACING_PLUGIN = `import fs from 'node:fs';\nfs.writeFileSync(new URL('./loaded.txt', import.meta.url), 'loaded');\nexport default { rules: [] };\n`;

const HOSTILE_CONFIGS: [string, Record<string, string>, RegExp][] = [
  ['unknown top-level key', { '.docker-policy.yaml': 'rulez:\n  no-sudo: error\n' }, /:1: unknown key "rulez"/],
  ['rules as a list', { '.docker-policy.yaml': 'rules:\n  - no-sudo\n' }, /:1: "rules" must be a mapping/],
  ['a severity of the wrong type', { '.docker-policy.yaml': 'rules:\n  no-sudo: {severity: [1]}\n' }, /:2: rule "no-sudo": severity must be one of/],
  ['options of the wrong type', { '.docker-policy.yaml': 'rules:\n  label-required: [error, 5]\n' }, /:2: rule "label-required": invalid options/],
  ['overrides as a mapping', { '.docker-policy.yaml': 'overrides: {files: x}\n' }, /"overrides" must be a list/],
  ['ignore of numbers', { '.docker-policy.yaml': 'ignore: [1, 2]\n' }, /"ignore" must be a string or a list of strings/],
  ['settings as a scalar', { '.docker-policy.yaml': 'settings: 5\n' }, /"settings" must be a mapping/],
  ['settings.compose of the wrong type', { '.docker-policy.yaml': 'settings:\n  compose: [a]\n' }, /"settings.compose" must be a mapping/],
  ['the config is a list', { '.docker-policy.yaml': '- rules\n' }, /:1: the config must be a mapping/],
  ['invalid JSON', { '.docker-policy.json': '{"rules": {' }, /invalid JSON/],
  ['an alias to an anchor not set yet', { '.docker-policy.yaml': 'rules: *missing\n' }, /invalid YAML: .*alias/i],
  ['an alias bomb', { '.docker-policy.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nsettings: {x: [${'*c, '.repeat(9)}*c]}\n` }, /invalid YAML: .*alias/i],
  // The error names the file whose `extends` closes the cycle (listed first).
  ['extends cycle', { 'b.yaml': 'extends: ./.docker-policy.yaml\n', '.docker-policy.yaml': 'extends: ./b.yaml\n' }, /cycle/],
  ['a missing plugin', { '.docker-policy.yaml': 'plugins: [./nowhere.mjs]\n' }, /cannot load plugin "\.\/nowhere\.mjs"/],
  ['a plugin that throws on load', { '.docker-policy.yaml': 'plugins: [./boom.mjs]\n', 'boom.mjs': 'throw new Error("plugin exploded");\n' }, /cannot load plugin "\.\/boom\.mjs": plugin exploded/],
  ['a plugin exporting no rules', { '.docker-policy.yaml': 'plugins: [./empty.mjs]\n', 'empty.mjs': 'export const nothing = 1;\n' }, /must export \{ rules: Rule\[\] \}/],
  ['a plugin rule without check()', { '.docker-policy.yaml': 'plugins: [./bad.mjs]\n', 'bad.mjs': 'export default { rules: [{ meta: { id: "x" } }] };\n' }, /exports a rule without meta.id and check\(\)/],
];

describe('hostile configuration gives a clear error naming the config file', () => {
  for (const [name, files, message] of HOSTILE_CONFIGS) {
    it(name, async () => {
      const directory = project({ ...files, 'Dockerfile': 'FROM ubuntu\n' });
      const error = await configError(directory);
      const configName = Object.keys(files)[0]!;
      expect(error.file).toBe(path.join(directory, configName));
      expect(error.message).toMatch(message);
    });
  }

  it('refuses a plugin outside the project, before running any of its code', async () => {
    const outside = project({ 'plugin.mjs': TRACING_PLUGIN });
    const directory = project({ '.docker-policy.yaml': `plugins: [${JSON.stringify(path.join(outside, 'plugin.mjs'))}]\n`, 'Dockerfile': 'FROM ubuntu\n' });
    const error = await configError(directory);
    expect(error.message).toMatch(/plugin ".*plugin\.mjs" is outside the project/);
    expect(fs.existsSync(path.join(outside, 'loaded.txt'))).toBe(false);
  });

  it('refuses a relative plugin path that climbs out of the project, and a link that points out', async () => {
    const parent = project({ 'shared/plugin.mjs': TRACING_PLUGIN, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.docker-policy.yaml': 'plugins: [../shared/plugin.mjs]\n', 'repo/Dockerfile': 'FROM ubuntu\n' });
    expect((await configError(path.join(parent, 'repo'))).message).toMatch(/outside the project/);
    fs.writeFileSync(path.join(parent, 'repo/.docker-policy.yaml'), 'plugins: [./linked.mjs]\n');
    fs.symlinkSync(path.join(parent, 'shared/plugin.mjs'), path.join(parent, 'repo/linked.mjs'));
    expect((await configError(path.join(parent, 'repo'))).message).toMatch(/outside the project/);
    expect(fs.existsSync(path.join(parent, 'shared/loaded.txt'))).toBe(false);
  });

  it('loads a plugin only when the config names it', async () => {
    const directory = project({ 'plugin.mjs': TRACING_PLUGIN, 'node_modules/docker-policy-plugin-x/index.mjs': TRACING_PLUGIN, '.docker-policy.yaml': 'rules:\n  no-sudo: error\n', 'Dockerfile': 'FROM ubuntu\n' });
    const result = await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
    expect(result.filesChecked).toBe(1);
    expect(fs.existsSync(path.join(directory, 'loaded.txt'))).toBe(false);
    fs.writeFileSync(path.join(directory, '.docker-policy.yaml'), 'plugins: [./plugin.mjs]\n');
    await lint({ cwd: directory, paths: ['.'], rules: builtinRules });
    expect(fs.existsSync(path.join(directory, 'loaded.txt'))).toBe(true);
  });
});
