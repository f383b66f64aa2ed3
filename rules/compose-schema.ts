import { rangeOfOrigin } from '../src/model/compose-tree.js';
import { loadComposeValidator, validateComposeModel } from '../src/model/compose-schema.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'compose-schema',
    description: 'Compose files must be what `docker compose` accepts: valid against the compose specification after merging and interpolation, with resolvable `extends` and `include`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        '`docker compose` validates the merged, interpolated project against the compose specification and refuses to start anything when a key is misspelt, a value has the wrong type, an `extends` or `include` cannot be resolved, or a `${…}` is malformed. Finding it while editing is cheaper than on the deploy host, and a misspelt key that compose would ignore in an extension field is caught too.',
      bad: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    buidl: .\n    ports:\n      - { 8080: 80 }\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    build: .\n    ports:\n      - "8080:80"\n' },
      notes:
        'The schema is the official compose-spec JSON schema, vendored in `src/model/schema/`. Files used together (`compose.yaml` + `compose.override.yaml`, `settings.compose.files`, `--compose-file`) are validated as one merged project; each finding points at the file and line that wrote the offending value. Also reported: `extends` and `include` cycles, missing files and services, values that cannot be merged (a list in one file, a string in the other), invalid interpolation such as `${}` or an unclosed `${`, and YAML alias expansions past a safety limit.',
    },
  },
  async prepare(project) {
    if (project.composeProjects?.length) await loadComposeValidator();
  },
  check(context) {
    for (const project of context.project.composeProjects ?? []) {
      for (const problem of project.problems) {
        context.report({ file: problem.origin.file, range: rangeOfOrigin(problem.origin), message: problem.message.endsWith('.') ? problem.message : `${problem.message}.` });
      }
      for (const invalid of project.interpolation.invalid) {
        context.report({
          file: invalid.origin.file,
          range: rangeOfOrigin(invalid.origin),
          message: `Invalid interpolation \`${invalid.text}\`: write \`\${NAME}\`, \`\${NAME:-default}\` or \`\${NAME:?message}\`, and \`$$\` for a literal dollar.`,
        });
      }
      for (const violation of validateComposeModel(project.model, project.toJS())) {
        context.report({ file: violation.origin.file, range: rangeOfOrigin(violation.origin), message: `${violation.message}.` });
      }
    }
  },
};

export default rule;
