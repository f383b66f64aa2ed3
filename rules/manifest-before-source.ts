import { findDependencyInstalls, manifestPatterns } from '../src/model/dependency-steps.js';
import { wordRange } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'manifest-before-source',
    description: 'Install dependencies after copying only the manifests and lock files, before copying application source.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'A layer is rebuilt whenever a file copied before it changes. When `COPY . .` comes before `npm ci` (or `pip install -r`, `go mod download`, `cargo build`, …), every edit to any source file throws away the dependency layer and reinstalls everything: minutes per build instead of seconds. Copying only the manifests and lock files first keeps the install cached until the dependencies themselves change.',
      bad: { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n' },
      good: { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n' },
      notes:
        'Only the first dependency install of each stage is checked; later build steps after the source copy (the Rust "dummy main.rs" pattern, `pip install .` after `pip install -r`) are fine. `COPY --from=<stage>` is not a source copy. apt/apk installs are not dependency installs. Add your own manifest names or globs with `settings.manifests` (they extend the built-in list: package.json, lock files, requirements*.txt, pyproject.toml, go.mod, Cargo.toml, pom.xml, *.csproj, …).',
    },
  },
  check(context) {
    const manifests = manifestPatterns(context.settings);
    for (const dockerfile of context.project.dockerfiles) {
      const seen = new Set<number>();
      for (const install of findDependencyInstalls(dockerfile, undefined, { manifests })) {
        if (seen.has(install.stage.index)) continue;
        seen.add(install.stage.index);
        if (!install.sourceCopy) continue;
        const copy = install.sourceCopy;
        const line = copy.range.start.line;
        const shown = `${copy.keyword} ${copy.argsText.split('\n')[0]!.trim()}`.slice(0, 60);
        context.report({
          file: dockerfile.file,
          range: wordRange(dockerfile.file, install.command.argv[0] ?? install.word),
          message: `Dependency install runs after line ${line} (\`${shown}\`) copies application source, so every source change reinstalls dependencies; copy only the manifests and lock files before it.`,
        });
      }
    }
  },
};

export default rule;
