import labelGitHash from '../../rules/label-git-hash.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelGitHash, {
  valid: withSchema([
    { name: 'short', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.revision=9f2c3e1\n' },
    { name: 'full', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.revision=9f2c3e1d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d\n' },
    { name: 'build argument', files: 'FROM alpine:3.21\nARG GIT_SHA\nLABEL org.opencontainers.image.revision="${GIT_SHA}"\n' },
  ]),
  invalid: withSchema([
    { name: 'branch name', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.revision=main\n', errors: [{ line: 2, column: 41, message: 'not a git commit hash' }] },
    { name: 'upper case', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.revision=9F2C3E1\n', errors: [{ line: 2, column: 41 }] },
    { name: 'too short', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.revision=9f2c\n', errors: [{ line: 2, column: 41 }] },
  ]),
});
