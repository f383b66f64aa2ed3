import rule from '../../rules/env-self-reference.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'separate ENVs', files: 'FROM python:3.12\nENV APP_HOME=/app\nENV PATH=$APP_HOME/bin:$PATH\n' },
    { name: 'self reference', files: 'FROM python:3.12\nENV PATH=$PATH:/opt/bin\n' },
    { name: 'defined by an earlier ENV', files: 'FROM python:3.12\nENV A=1\nENV A=2 B=$A\n' },
    { name: 'defined by an ARG', files: 'FROM python:3.12\nARG VERSION=1\nENV VERSION=$VERSION TAG=v$VERSION\n' },
    { name: 'inherited from the parent stage', files: 'FROM python:3.12 AS base\nENV A=1\nFROM base\nENV A=2 B=${A}\n' },
    { name: 'single quotes and escapes are literal', files: "FROM python:3.12\nENV A=1 B='$A' C=\\$A\n" },
    { name: 'longer name', files: 'FROM python:3.12\nENV A=1 B=$AB\n' },
    { name: 'hadolint pragma covers the continuation lines', files: 'FROM python:3.12\n# hadolint ignore=DL3044\nENV A=1 \\\n    B=$A\n' },
  ],
  invalid: [
    { name: 'bare reference', files: 'FROM python:3.12\nENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH\n', errors: [{ line: 2, column: 24, message: '`APP_HOME` is defined by this same ENV' }] },
    { name: 'braced with default', files: 'FROM python:3.12\nENV A=1 B="${A:-0}x"\n', errors: [{ line: 2, column: 12 }] },
    { name: 'referenced before it is defined', files: 'FROM python:3.12\nENV B=$A A=1\n', errors: [{ line: 2, column: 7 }] },
    { name: 'continuation lines', files: 'FROM python:3.12\nENV GOPATH=/go \\\n    PATH=$GOPATH/bin:$PATH\n', errors: [{ line: 3, column: 10 }] },
    { name: 'ARG in an unrelated stage does not count', files: 'FROM python:3.12 AS a\nARG A=1\nFROM python:3.12\nENV A=2 B=$A\n', errors: [{ line: 4, column: 11 }] },
  ],
});
