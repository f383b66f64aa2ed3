import { isScalar, isSeq, type Node } from 'yaml';
import { composeProjectsOf, definitionWriting } from '../src/model/compose-queries.js';
import { rangeOfOrigin } from '../src/model/compose-tree.js';
import { isDependencyInstall } from '../src/model/install-commands.js';
import { parseShell, type ShellScript } from '../src/model/shell.js';
import type { SourceFile } from '../src/model/source.js';
import type { Rule } from '../src/engine/types.js';

/** The commands a compose `command`/`entrypoint` runs: its parsed shell, or its argv as one command. */
function composeScript(file: SourceFile, node: Node | null, parsed: ShellScript | null): ShellScript | null {
  if (parsed) return parsed;
  if (isSeq(node)) {
    const words = node.items.filter(isScalar).map((item) => String(item.value));
    if (!words.length || !node.range) return null;
    // Offsets do not map to the file; only used to recognise the command.
    return parseShell(file, words.map((word) => (/^[\w./:=@+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' '), node.range[0]);
  }
  return null;
}

const rule: Rule = {
  meta: {
    id: 'no-runtime-install',
    description: 'Containers must not install dependencies when they start (compose `command`/`entrypoint`, or an entrypoint script).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose', 'shell'],
    docs: {
      rationale:
        'Installing at container start repeats the install on every start, needs network access in production, makes start-up take minutes, and runs different dependency versions than the tested image. Install in the Dockerfile, where the layer is cached and the result is what ships.',
      bad: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: node:20\n    command: sh -c "npm install && npm start"\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  web:\n    build: .   # RUN npm ci in the Dockerfile\n    command: npm start\n' },
      notes: 'Recognised installs: npm/pnpm/yarn/bun install, pip install, poetry install, apt-get install, apk add, bundle install, composer install, gem install, go mod download, conda install, uv sync/pip install. Scripts run by the final stage\'s ENTRYPOINT/CMD are checked too; scripts run during the build are the subject of `no-install-scripts`.',
    },
  },
  check(context) {
    for (const project of composeProjectsOf(context.project)) {
      for (const service of project.services) {
        for (const key of ['command', 'entrypoint'] as const) {
          // The merged value: an override file's `command` replaces the base file's.
          const value = service.get(key);
          const definition = definitionWriting(service, value);
          if (!value?.origin.node || !definition) continue;
          const script = composeScript(definition.compose.file, value.origin.node, definition.shell[key]);
          const install = script?.commands.find(isDependencyInstall);
          if (!install) continue;
          context.report({
            file: value.origin.file,
            range: rangeOfOrigin(value.origin),
            message: `Service "${service.name}" installs dependencies at start (\`${install.argv.map((word) => word.value).join(' ')}\`) in its \`${key}\`; install them in the Dockerfile instead.`,
          });
        }
      }
    }
    const seen = new Set<string>();
    for (const target of context.project.buildTargets) {
      for (const use of target.scripts) {
        if (use.phase !== 'start') continue;
        if (seen.has(use.script.file.path)) continue;
        seen.add(use.script.file.path);
        for (const command of use.script.script.commands) {
          if (!isDependencyInstall(command) || !command.argv[0]) continue;
          context.report({
            file: use.script.file,
            range: use.script.file.rangeOf(command.argv[0].start, command.argv[0].end),
            message: `${use.script.file.displayPath} runs at container start (${use.runInstruction.keyword} in ${target.dockerfile.file.displayPath}:${use.runInstruction.range.start.line}) and installs dependencies (\`${command.argv.map((word) => word.value).join(' ')}\`); install them in the Dockerfile instead.`,
          });
        }
      }
    }
  },
};

export default rule;
