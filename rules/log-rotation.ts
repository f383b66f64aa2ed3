import { isMap, type YAMLMap } from 'yaml';
import { interpolateCompose, rangeOfNode } from '../src/model/compose.js';
import { longRunningServices } from '../src/model/compose-lifecycle.js';
import { anyDefinitionEntry, mapEntry, scalarText } from '../src/model/compose-values.js';
import type { Rule } from '../src/engine/types.js';

const ROTATING_BY_DEFAULT = new Set(['local']);
const FILE_DRIVERS = new Set(['json-file', 'local']);

const rule: Rule = {
  meta: {
    id: 'log-rotation',
    description: 'Long-running services rotate their logs: `logging` with the json-file driver and `max-size` and `max-file` (or the `local` driver).',
    severity: 'warning',
    presets: ['strict'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'Docker\'s default json-file driver keeps every line a container ever printed, in one file under /var/lib/docker. A chatty service fills the disk in days, and then every container on the host fails. `max-size` and `max-file` cap it; the `local` driver rotates by default.',
      bad: { filename: 'compose.yaml', code: 'services:\n  api:\n    image: shop/api:2.1\n    restart: unless-stopped\n' },
      good: {
        filename: 'compose.yaml',
        code: 'x-logging: &logging\n  driver: json-file\n  options:\n    max-size: "10m"\n    max-file: "3"\n\nservices:\n  api:\n    image: shop/api:2.1\n    restart: unless-stopped\n    logging: *logging\n',
      },
      notes:
        'A policy rule (in `strict`): rotation can also be configured for the whole host in `/etc/docker/daemon.json` (`log-driver`, `log-opts`), which a compose linter cannot see — keep this rule off if that is how your hosts are set up. Drivers that ship logs elsewhere (`syslog`, `journald`, `fluentd`, `gelf`, `awslogs`, `none`, …) are accepted. A shared `x-logging` anchor counts. One-shot jobs are skipped.',
    },
  },
  check(context) {
    const project = context.project;
    for (const service of longRunningServices(project)) {
      const compose = service.compose;
      const file = compose.file;
      const logging = anyDefinitionEntry(project, service, 'logging');
      if (logging === 'unknown') continue;
      if (!logging || !isMap(logging.value)) {
        context.report({
          file,
          range: rangeOfNode(file, logging ? logging.key : service.keyNode),
          message: `Service "${service.name}" logs to json-file without rotation, so its log grows until the disk is full; add \`logging: {driver: json-file, options: {max-size: "10m", max-file: "3"}}\`.`,
        });
        continue;
      }
      const document = logging.document;
      const map = logging.value as YAMLMap;
      const driverEntry = mapEntry(document, map, 'driver');
      const driverText = scalarText(document, driverEntry?.value);
      const driver = driverText === null ? 'json-file' : interpolateCompose(driverText, compose.environment).value;
      if (!FILE_DRIVERS.has(driver) || ROTATING_BY_DEFAULT.has(driver)) continue;
      const options = mapEntry(document, map, 'options');
      const optionsMap = isMap(options?.value) ? (options.value as YAMLMap) : null;
      const missing = ['max-size', 'max-file'].filter((option) => !mapEntry(document, optionsMap, option));
      if (!missing.length) continue;
      context.report({
        file,
        range: rangeOfNode(file, options?.key ?? driverEntry?.key ?? logging.key),
        message: `Service "${service.name}" logs to ${driver} without ${missing.map((option) => `\`${option}\``).join(' and ')}, so its log is ${missing.includes('max-size') ? 'never rotated' : 'rotated but every old file is kept'}; set both (e.g. max-size: "10m", max-file: "3").`,
      });
    }
  },
};

export default rule;
