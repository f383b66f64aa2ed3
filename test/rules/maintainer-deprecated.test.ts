import rule from '../../rules/maintainer-deprecated.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'OCI label', files: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n' },
    { name: 'maintainer label', files: 'FROM alpine:3.21\nLABEL maintainer="jane@example.com"\n' },
    { name: 'the word in a RUN', files: 'FROM alpine:3.21\nRUN echo MAINTAINER > /tmp/x\n' },
  ],
  invalid: [
    { name: 'MAINTAINER', files: 'FROM alpine:3.21\nMAINTAINER Jane Doe <jane@example.com>\n', errors: [{ line: 2, column: 1, message: 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"' }] },
    { name: 'lower-case maintainer', files: 'from alpine:3.21\nmaintainer jane\n', errors: [{ line: 2, column: 1 }] },
    { name: 'in every stage', files: 'FROM a:1 AS a\nMAINTAINER x\nFROM b:1\nMAINTAINER y\n', errors: [{ line: 2, column: 1 }, { line: 4, column: 1 }] },
  ],
});
