import rule from '../../rules/copy-from-known-stage.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'earlier alias', files: 'FROM golang:1.23 AS builder\nRUN go build\nFROM alpine:3.21\nCOPY --from=builder /out/app /app\n' },
    { name: 'alias in another case', files: 'FROM golang:1.23 AS Builder\nFROM alpine:3.21\nCOPY --from=builder /out/app /app\n' },
    { name: 'earlier index', files: 'FROM golang:1.23\nFROM alpine:3.21\nCOPY --from=0 /out/app /app\n' },
    { name: 'image with tag', files: 'FROM alpine:3.21\nCOPY --from=busybox:1.37 /bin/busybox /busybox\n' },
    { name: 'image with registry', files: 'FROM alpine:3.21\nCOPY --from=ghcr.io/acme/tools /bin/tool /tool\n' },
    { name: 'variable', files: 'ARG TOOLS=tools:1\nFROM alpine:3.21\nCOPY --from=${TOOLS} /bin/tool /tool\n' },
    { name: 'own alias is the other rule', files: 'FROM alpine:3.21 AS app\nCOPY --from=app /a /b\n' },
  ],
  invalid: [
    { name: 'typo in alias', files: 'FROM golang:1.23 AS builder\nFROM alpine:3.21\nCOPY --from=buidler /out/app /app\n', errors: [{ line: 3, column: 13, message: 'pulled as the image `buidler:latest`' }] },
    { name: 'stage defined later', files: 'FROM alpine:3.21 AS app\nCOPY --from=build /out /out\nFROM golang:1.23 AS build\n', errors: [{ line: 2, column: 13, message: 'defined later (line 3)' }] },
    { name: 'index out of range', files: 'FROM golang:1.23\nFROM alpine:3.21\nCOPY --from=5 /out /out\n', errors: [{ line: 3, column: 13, message: 'has 2 stages' }] },
    { name: 'later index', files: 'FROM alpine:3.21\nCOPY --from=1 /out /out\nFROM golang:1.23\n', errors: [{ line: 2, column: 13, message: 'not before this one' }] },
    { name: 'continuation line', files: 'FROM golang:1.23 AS builder\nFROM alpine:3.21\nCOPY \\\n  --from=bulder /a /b\n', errors: [{ line: 4, column: 10 }] },
  ],
});
