import rule from '../../rules/no-empty-continuation.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'plain continuation', files: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n' },
    { name: 'comment line inside a continuation', files: 'FROM debian:12\nRUN apt-get update && \\\n# install curl\n    apt-get install -y curl\n' },
    { name: 'empty lines in a heredoc body', files: 'FROM debian:12\nRUN <<EOF\napt-get update\n\napt-get install -y curl\nEOF\n' },
    { name: 'blank line between instructions', files: 'FROM debian:12\n\nRUN true\n' },
  ],
  invalid: [
    { name: 'empty line after a backslash', files: 'FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n', errors: [{ line: 3, column: 1, message: 'Empty continuation line inside RUN (line 2)' }] },
    { name: 'whitespace-only line in an && chain', files: 'FROM debian:12\nRUN set -e \\\n    && apt-get update \\\n   \n    && apt-get install -y curl\n', errors: [{ line: 4, column: 1 }] },
    { name: 'two empty lines', files: 'FROM alpine:3.21\nENV A=1 \\\n\n\n    B=2\n', errors: [{ line: 3, column: 1 }, { line: 4, column: 1 }] },
    { name: 'backtick escape', files: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n    c:\\\n', errors: [{ line: 4, column: 1 }] },
    { name: 'before a heredoc', files: 'FROM alpine:3.21\nCOPY --chmod=755 \\\n\n  <<EOF /run.sh\necho hi\n\nEOF\n', errors: [{ line: 3, column: 1 }] },
  ],
});
