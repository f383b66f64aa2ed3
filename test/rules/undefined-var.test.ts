import rule from '../../rules/undefined-var.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ARG redeclared in the stage', files: 'ARG VERSION=1.4.2\nFROM alpine:3.21\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n' },
    { name: 'ENV then use; PATH always set', files: 'FROM alpine:3.21\nENV APP=/opt/app\nENV PATH=$PATH:$APP/bin\nWORKDIR ${APP}\n' },
    { name: 'inherited from the base stage', files: 'FROM alpine:3.21 AS base\nARG TARGETARCH\nENV HOME_DIR=/home/app\nFROM base\nCOPY bin/$TARGETARCH/app ${HOME_DIR}/\n' },
    { name: 'shell variables in RUN and CMD are not Dockerfile variables', files: 'FROM alpine:3.21\nRUN for f in *; do echo "$f" && echo $HOME; done\nCMD echo $HOSTNAME\n' },
    { name: 'unknown base image may set it', files: 'FROM node:20-slim\nRUN echo hi\nWORKDIR /app/$NODE_VERSION\n' },
    { name: 'single quotes and escapes do not expand', files: "FROM alpine:3.21\nLABEL a='$NOPE' b=\\$NOPE\n" },
    { name: 'earlier name of the same ARG', files: 'FROM scratch\nARG A=1 B=$A\n' },
    { name: 'proxy and BUILDKIT args', files: 'FROM alpine:3.21\nENV http_proxy=$http_proxy BUILDKIT=$BUILDKIT_SYNTAX\n' },
    { name: 'heredoc body is file content', files: 'FROM alpine:3.21\nCOPY <<EOF /etc/motd\nhello $USER\nEOF\n' },
  ],
  invalid: [
    { name: 'global ARG not redeclared', files: 'ARG VERSION=1.4.2\nFROM node:20-slim\nLABEL version=$VERSION\n', errors: [{ line: 3, column: 15, message: 'ARG VERSION (line 1) is declared before the first FROM, which makes it visible only in FROM lines; add "ARG VERSION" inside the stage' }] },
    { name: 'typo of PATH', files: 'FROM node:20-slim\nENV PATH=$PAHT:/app/bin\n', errors: [{ line: 2, column: 10, message: '(did you mean $PATH?)' }] },
    { name: 'used before it is declared', files: 'FROM python:3.12\nCOPY requirements.txt $APP_HOME/\nENV APP_HOME=/srv\n', errors: [{ line: 2, column: 23, message: 'ENV APP_HOME comes later (line 3)' }] },
    { name: 'known base image: everything undefined counts', files: 'FROM alpine:3.21 AS base\nCOPY $foo .\n', errors: [{ line: 2, column: 6, message: 'the base image "alpine" does not set it' }] },
    { name: 'platform ARG not declared in the stage', files: 'FROM scratch\nCOPY dist/${TARGETARCH}/app /app\n', errors: [{ line: 2, column: 11 }] },
    { name: 'same ENV reads the old value', files: 'FROM debian:12\nENV A=1 B=$A\n', errors: [{ line: 2, column: 11 }] },
    { name: 'default values still look the name up; nested too', files: 'FROM ubuntu:24.04\nARG V=${MISSING:-x}\nUSER ${U:-$NOBODY}\n', errors: [{ line: 2, column: 7 }, { line: 3, column: 6 }, { line: 3, column: 11 }] },
    { name: 'set in another stage only', files: 'FROM node:20 AS build\nENV OUT_DIR=/out\nFROM nginx:1.27\nCOPY --from=build $OUT_DIR /usr/share/nginx/html\n', errors: [{ line: 4, column: 19, message: 'set in the stage on line 1' }] },
    { name: 'over a line continuation', files: 'FROM busybox:1.37\nENV A=1 \\\n    B=$C\n', errors: [{ line: 3, column: 7 }] },
    { name: 'baseImageEnv option makes an image known', files: 'FROM node:20-slim\nWORKDIR /app/$NODE_VERSION/$NPM_HOME\n', options: { baseImageEnv: { node: ['NODE_VERSION', 'YARN_VERSION'] } }, errors: [{ line: 2, column: 28 }] },
  ],
});
