import { isDependencyInstall } from '../src/model/install-commands.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'no-install-scripts',
    description: 'Scripts a Dockerfile runs during the build must not install dependencies: install in the Dockerfile itself.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile', 'shell'],
    docs: {
      rationale:
        'A `RUN ./install.sh` hides the dependency list from the Dockerfile: the layer is rebuilt whenever the script (or anything copied with it) changes, the install cannot be split into cached layers, and reviewers cannot see what the image contains. Keep the Dockerfile the single source of truth for dependencies.',
      bad: { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY install.sh .\nRUN ./install.sh   # pip install -r requirements.txt\n' },
      good: { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      notes: 'Only scripts the Dockerfile copies (or bind-mounts) from the build context and then runs with RUN are checked. Scripts run at container start are the subject of `no-runtime-install`.',
    },
  },
  check(context) {
    const seen = new Set<string>();
    for (const target of context.project.buildTargets) {
      for (const use of target.scripts) {
        if (use.phase !== 'build') continue;
        const key = `${use.script.file.path}\0${target.dockerfile.file.path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const command of use.script.script.commands) {
          if (!isDependencyInstall(command) || !command.argv[0]) continue;
          context.report({
            file: use.script.file,
            range: use.script.file.rangeOf(command.argv[0].start, command.argv[0].end),
            message: `${use.script.file.displayPath} is run during the build (${target.dockerfile.file.displayPath}:${use.runInstruction.range.start.line}) and installs dependencies (\`${command.argv.map((word) => word.value).join(' ')}\`); move the install into the Dockerfile.`,
          });
        }
      }
    }
  },
};

export default rule;
