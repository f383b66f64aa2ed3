import rule from '../../rules/compose-image-tag.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'tag', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n' } },
    { name: 'digest', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\n' } },
    { name: 'interpolated default', files: { 'compose.yaml': 'services:\n  base:\n    image: ${IMG:-crucible-base:1.2}\n' } },
    { name: 'unresolvable variable', files: { 'compose.yaml': 'services:\n  base:\n    image: ${REGISTRY}/app\n' } },
    { name: 'resolved from .env', files: { 'compose.yaml': 'services:\n  base:\n    image: app:${TAG}\n', '.env': 'TAG=1.4\n' } },
    { name: 'override file pins the image the base left floating', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:latest\n', 'compose.override.yaml': 'services:\n  db:\n    image: postgres:17.2\n' } },
  ],
  invalid: [
    { name: 'untagged', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres\n' }, errors: [{ line: 3, column: 12, message: 'no tag' }] },
    { name: 'latest', files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:latest\n' }, errors: [{ line: 3, message: '"latest"' }] },
    { name: 'interpolated default untagged', files: { 'compose.yaml': 'services:\n  base:\n    image: ${BASE_IMAGE:-crucible-base}\n' }, errors: [{ line: 3, message: 'crucible-base' }] },
    { name: '.env gives latest', files: { 'compose.yaml': 'services:\n  app:\n    image: "app:${TAG}"\n', '.env': 'TAG=latest\n' }, errors: [{ file: 'compose.yaml', line: 3, message: 'latest' }] },
    { name: 'override file replaces a pinned image with latest', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n', 'compose.override.yaml': 'services:\n  db:\n    image: postgres:latest\n' }, errors: [{ file: 'compose.override.yaml', line: 3, column: 12, message: '"latest"' }] },
  ],
});
