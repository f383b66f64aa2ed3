import rule from '../../rules/no-copy-root-filesystem.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a binary', files: 'FROM golang:1.23 AS build\nFROM alpine:3.21\nCOPY --from=build /out/app /usr/local/bin/app\n' },
    { name: 'root of the build context', files: 'FROM alpine:3.21\nCOPY / /\n' },
    { name: 'root into a folder', files: 'FROM golang:1.23 AS build\nFROM alpine:3.21\nCOPY --from=build / /rootfs/\n' },
  ],
  invalid: [
    { name: 'whole file system', files: 'FROM golang:1.23 AS build\nFROM alpine:3.21\nCOPY --from=build / /\n', errors: [{ line: 3, column: 19, message: 'whole file system of `build`' }] },
    { name: 'quoted', files: 'FROM golang:1.23 AS build\nFROM alpine:3.21\nCOPY --from=build "/" "/"\n', errors: [{ line: 3, column: 19 }] },
    { name: 'exec form', files: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build ["/", "/"]\n', errors: [{ line: 3, column: 20 }] },
    { name: 'from an image', files: 'FROM scratch\nCOPY --from=alpine:3.21 / /\n', errors: [{ line: 2, column: 25 }] },
  ],
});
