import rule from '../../rules/copy-from-own-stage.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'other stage', files: 'FROM node:22 AS build\nRUN npm run build\nFROM nginx:1.27 AS web\nCOPY --from=build /app/dist /srv/\n' },
    { name: 'no alias', files: 'FROM node:22\nCOPY --from=node:22 /usr/local/bin/node /node\n' },
    { name: 'earlier index', files: 'FROM node:22\nFROM nginx:1.27\nCOPY --from=0 /a /b\n' },
  ],
  invalid: [
    { name: 'own alias', files: 'FROM node:22 AS build\nCOPY --from=build /app/dist /srv/\n', errors: [{ line: 2, column: 13, message: '(`build`)' }] },
    { name: 'own alias in another case', files: 'FROM node:22 AS Build\nCOPY --from=build /a /b\n', errors: [{ line: 2, column: 13 }] },
    { name: 'own index', files: 'FROM node:22\nFROM nginx:1.27\nCOPY --from=1 /a /b\n', errors: [{ line: 3, column: 13, message: 'is the stage this COPY is in' }] },
    { name: 'ADD too', files: 'FROM node:22 AS web\nRUN true\nADD --from=web /a /b\n', errors: [{ line: 3, column: 12 }] },
  ],
});
