import rule from '../../rules/consistent-instruction-casing.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'all upper', files: 'ARG V=1\nFROM alpine:3.21\nRUN apk add --no-cache curl\n' },
    { name: 'all lower', files: 'from alpine:3.21\nrun apk add --no-cache curl\ncmd ["sh"]\n' },
    { name: 'template lines are not instructions', files: '{{ if x then ( -}}\nFROM alpine:3.21\n{{ ) end -}}\nRUN true\n' },
    { name: 'heredoc body is not instructions', files: 'FROM alpine:3.21\nRUN <<EOF\nrun this\nEOF\n' },
  ],
  invalid: [
    { name: 'one lower among upper', files: 'FROM alpine:3.21\nrun apk add --no-cache curl\nCMD ["sh"]\n', errors: [{ line: 2, column: 1, message: 'Instruction "run" should match the case of the majority of instructions (uppercase): write "RUN"' }] },
    { name: 'mixed case keyword', files: 'FROM alpine:3.21\nCopy a /a\nRUN true\n', errors: [{ line: 2, column: 1, message: '"COPY"' }] },
    { name: 'lower majority', files: 'from alpine:3.21\nrun true\nRUN false\n', errors: [{ line: 3, column: 1, message: '(lowercase): write "run"' }] },
    { name: 'global ARG counts too', files: 'arg V=1\nFROM alpine:3.21\nRUN true\n', errors: [{ line: 1, column: 1 }] },
    { name: 'after a continuation', files: 'FROM alpine:3.21\nRUN apk add \\\n  curl\nEnv A=1\n', errors: [{ line: 4, column: 1 }] },
  ],
});
