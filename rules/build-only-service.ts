import type { ComposeService } from '../src/model/compose.js';
import type { ComposeProjectService } from '../src/model/compose-project.js';
import { commandText, composeProjectsOf } from '../src/model/compose-queries.js';
import { rangeOfOrigin, scalarText } from '../src/model/compose-tree.js';
import { baseImageUser } from '../src/model/build-only.js';
import { appendPairs, indentUnit, replaceScalar, type YamlSource } from '../src/model/yaml-edits.js';
import type { Fix, Rule, TextEdit } from '../src/engine/types.js';

const EXIT_COMMANDS = new Set(['true', '/bin/true', '/usr/bin/true', 'exit 0', ':']);

function exitsAtOnce(service: ComposeProjectService): boolean {
  const text = commandText(service.get('command'));
  if (text === null) return false;
  const bare = text.replace(/^(\/bin\/)?(ba)?sh -c /, '').replace(/^["']|["']$/g, '').trim();
  return EXIT_COMMANDS.has(bare);
}

function neverRestarts(service: ComposeProjectService): boolean {
  const restart = service.get('restart');
  if (!restart) return true;
  const text = scalarText(restart);
  return text === 'no' || text === 'false';
}

/**
 * Add `command: "true"` and `restart: "no"` (or set a restart policy that is there to "no"). A
 * service with a command of its own gets no fix: whether it may be dropped is for a person to say.
 */
function exitOnStartFix(service: ComposeService, exits: boolean, noRestart: boolean): Fix | undefined {
  if (!service.node || (!exits && service.get('command'))) return undefined;
  const file = service.compose.file;
  const pairs: Record<string, YamlSource> = {};
  const edits: TextEdit[] = [];
  if (!exits) pairs.command = '"true"';
  const restart = service.get('restart');
  // Compose's default is "no" already; writing it out says the service is meant to stop.
  if (!restart) pairs.restart = '"no"';
  else if (!noRestart) {
    const edit = replaceScalar(file, restart, '"no"');
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (Object.keys(pairs).length) {
    const edit = appendPairs(file, service.node, pairs, indentUnit(file, service.node, service.keyNode));
    if (!edit) return undefined;
    edits.push(edit);
  }
  return { description: 'Exit at once on `docker compose up`', edits };
}

const rule: Rule = {
  meta: {
    id: 'build-only-service',
    description: 'A service that only builds a base image for other services must exit at once (`command: "true"`, `restart: "no"`) or sit under a profile.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    fixable: true,
    docs: {
      rationale:
        'A service whose image is another service\'s `FROM` exists only so that `docker compose build` builds it. Left as is, `docker compose up` starts its container with the base image\'s default command: an idle Python shell, a crash loop under `restart: always`, or a stray process. The exit-on-start pattern keeps `depends_on` valid while doing nothing at runtime.',
      bad: {
        filename: 'compose.yaml',
        code: 'services:\n  base:\n    image: crucible-base:1\n    build:\n      context: .\n      dockerfile: base.Dockerfile\n  api:\n    build: ./api   # FROM crucible-base:1\n    depends_on: [base]\n',
      },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  base:\n    image: crucible-base:1\n    build:\n      context: .\n      dockerfile: base.Dockerfile\n    command: "true"\n    restart: "no"\n  api:\n    build: ./api   # FROM crucible-base:1\n    depends_on: [base]\n',
      },
      notes: 'Image names are compared after interpolation, with a missing tag read as `latest`. A `profiles` entry is accepted instead of the exit-on-start pattern (but see `depends-on-profile`). The default image name `<project>-<service>` is not considered. The fix adds `command: "true"` and `restart: "no"` (or sets the restart policy there to `"no"`); a service with a command of its own is left for you to decide.',
    },
  },
  check(context) {
    for (const project of composeProjectsOf(context.project)) {
      for (const service of project.services) {
        if (!service.build) continue;
        const user = baseImageUser(context.project, project, { name: service.name, image: service.image, dockerfilePath: service.build.dockerfilePath });
        if (!user) continue;
        if (service.profiles.length) continue;
        const exits = exitsAtOnce(service);
        const noRestart = neverRestarts(service);
        if (exits && noRestart) continue;
        const missing = [exits ? null : '`command: "true"`', noRestart ? null : '`restart: "no"`'].filter(Boolean).join(' and ');
        context.report({
          file: service.keyOrigin.file,
          range: rangeOfOrigin(service.keyOrigin),
          message: `Service "${service.name}" only builds "${service.image}", the base image of "${user}", but would run at \`docker compose up\`; add ${missing} (or put it under a profile).`,
          // With override files a key written in one file can be replaced by another: only a service defined once gets a fix.
          fix: service.definitions.length === 1 ? exitOnStartFix(service.definitions[0]!, exits, noRestart) : undefined,
        });
      }
    }
  },
};

export default rule;
