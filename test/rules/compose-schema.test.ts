import rule from '../../rules/compose-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'short and long syntax', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - target: 443\n        published: 8443\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n' } },
    { name: 'interpolated values and extension fields', files: { 'compose.yaml': 'x-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: nginx:${TAG:-1.27}\n    privileged: ${PRIV:-false}\n' } },
    { name: 'override file with a partial service', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', 'compose.override.yaml': 'services:\n  web:\n    ports: !override\n      - "3000:80"\n    environment: !reset []\n' } },
    { name: 'extends from another file', files: { 'compose.yaml': 'services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n', 'common.yml': 'services:\n  base:\n    image: nginx:1.27\n' } },
    // docker/compose e2e fixtures: keys newer than the vendored schema.
    { name: 'pre_start init containers (Compose 5.3)', files: { 'compose.yaml': 'services:\n  app:\n    image: alpine:3.21\n    pre_start:\n      - image: alpine:3.21\n        command: sh -c "echo ok > /shared/init"\n' } },
    { name: 'a service model entry without settings', files: { 'compose.yaml': 'services:\n  app:\n    image: alpine:3.21\n    models:\n      llm:\nmodels:\n  llm:\n    model: ai/example\n' } },
  ],
  invalid: [
    { name: 'misspelt key with a suggestion', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    buidl: .\n' }, errors: [{ line: 4, column: 5, message: 'Unknown key `buidl` in service web (did you mean `build`?)' }] },
    { name: 'wrong type, oneOf collapsed', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - [8080, 80]\n' }, errors: [{ line: 5, column: 9, message: 'services.web.ports[0]: must be a number, a string or a mapping (got a list)' }] },
    { name: 'enum inside the mapping branch', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: healthy\n  db:\n    image: postgres:17\n' }, errors: [{ line: 6, column: 20, message: 'services.web.depends_on.db.condition: must be one of `service_started`' }] },
    {
      name: 'error in the override file points at the override file',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', 'compose.override.yaml': 'services:\n  web:\n    mem_limit: [1g]\n' },
      errors: [{ file: 'compose.override.yaml', line: 3, column: 16, message: 'services.web.mem_limit: must be' }],
    },
    { name: 'type after interpolation', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    container_name: ${NAME}\n' }, errors: [{ line: 4, column: 21, message: 'written as "${NAME}" before interpolation' }] },
    { name: 'extends cycle', files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    extends: b\n  b:\n    extends: a\n' }, errors: [{ line: 6, column: 14, message: '`extends` cycle: compose.yaml:a → compose.yaml:b → compose.yaml:a' }] },
    { name: 'include cycle', files: { 'compose.yaml': 'include:\n  - other/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n', 'other/compose.yaml': 'include:\n  - ../compose.yaml\nservices:\n  api:\n    image: api:1\n' }, errors: [{ file: 'compose.yaml', line: 2, column: 5, message: 'include cycle' }, { file: 'other/compose.yaml', line: 2, column: 5, message: 'include cycle' }] },
    { name: 'missing included file', files: { 'compose.yaml': 'include:\n  - path: db/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n' }, errors: [{ line: 2, column: 11, message: 'included file db/compose.yaml does not exist' }] },
    { name: 'pre_start must be a list of steps', files: { 'compose.yaml': 'services:\n  app:\n    image: alpine:3.21\n    pre_start: echo hi\n' }, errors: [{ line: 4, column: 16, message: 'services.app.pre_start: must be' }] },
    { name: 'invalid interpolation', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG\n' }, errors: [{ line: 3, column: 12, message: 'Invalid interpolation `${TAG`' }] },
    { name: 'list in one file, string in the other', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    dns_search: [a.example]\n', 'compose.override.yaml': 'services:\n  web:\n    volumes: ./data\n' }, errors: [{ file: 'compose.override.yaml', line: 3, column: 14, message: 'services.web.volumes: must be a list' }] },
    { name: 'alias bomb', files: { 'compose.yaml': `x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 6 }, (_, i) => `x-${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\nservices:\n  web:\n    image: nginx:1.27\n` }, errors: [{ line: 1, column: 1, message: 'alias bomb' }] },
  ],
});
