import rule from '../../rules/copy-relative-without-workdir.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'WORKDIR first', files: 'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\n' },
    { name: 'absolute destination', files: 'FROM python:3.12\nCOPY requirements.txt /app/\n' },
    { name: 'WORKDIR in the parent stage', files: 'FROM python:3.12 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'variable destination', files: 'FROM python:3.12\nENV APP=/app\nCOPY . $APP/\n' },
    { name: 'quoted variable destination', files: 'FROM python:3.12\nCOPY a.ipynb "${HOME}"/a.ipynb\n' },
    { name: 'scratch: the working directory is /', files: 'FROM golang:1.23 AS build\nWORKDIR /src\nFROM scratch\nCOPY --from=build /out .\n' },
    { name: 'windows path', files: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:\\\\app\\\\\n' },
  ],
  invalid: [
    { name: 'dot', files: 'FROM python:3.12\nCOPY requirements.txt .\nWORKDIR /app\n', errors: [{ line: 2, column: 23, message: 'relative path `.` without a WORKDIR' }] },
    { name: 'relative folder', files: 'FROM python:3.12\nCOPY src/ app/src/\n', errors: [{ line: 2, column: 11 }] },
    { name: 'ADD too', files: 'FROM python:3.12\nADD vendor.tar.gz vendor/\n', errors: [{ line: 2, column: 19, message: 'ADD to the relative path' }] },
    { name: 'WORKDIR of an unrelated stage', files: 'FROM python:3.12 AS a\nWORKDIR /app\nFROM python:3.12\nCOPY --from=a x ./\n', errors: [{ line: 4, column: 17 }] },
    { name: 'exec form', files: 'FROM python:3.12\nCOPY ["a", "b/"]\n', errors: [{ line: 2, column: 12 }] },
  ],
});
