import rule from '../../rules/runtime-minimal.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'build tools in build stage only',
      files: 'FROM python:3.12-slim AS build\nRUN apt-get install -y gcc libpq-dev\nFROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends libpq5 ca-certificates tzdata\n',
    },
    { name: 'golang builder, distroless runtime', files: 'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n' },
    { name: 'virtual build deps removed', files: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install -r r.txt && apk del .build-deps\n' },
    {
      name: 'apt-mark auto + purge --auto-remove',
      files: 'FROM debian:12\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get install -y gcc make; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove\n',
    },
    { name: 'purged later', files: 'FROM debian:12\nRUN apt-get install -y make && make && apt-get purge -y make\n' },
    {
      name: 'compose targets a clean stage',
      files: {
        Dockerfile: 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.21 AS runtime\nRUN apk add --no-cache ca-certificates\nFROM runtime AS final\n',
        'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: runtime\n',
      },
    },
  ],
  invalid: [
    { name: 'gcc and -dev in final', files: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev curl\n', errors: [{ line: 2, column: 42, message: '"gcc"' }, { line: 2, column: 46, message: '"libpq-dev"' }] },
    { name: 'toolchain base image', files: 'FROM rust:1.83\nCOPY . .\nRUN cargo build\n', errors: [{ line: 1, column: 6, message: 'toolchain' }] },
    { name: 'sdk through stage chain', files: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM build AS final\n', errors: [{ line: 1, column: 6, message: 'SDK' }] },
    { name: 'devel tag', files: 'FROM nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04\n', errors: [{ line: 1, message: '-devel' }] },
    {
      name: 'compose target with build tools',
      files: {
        Dockerfile: 'FROM alpine:3.21 AS dev\nRUN apk add --no-cache build-base git\nFROM alpine:3.21 AS prod\n',
        'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: dev\n',
      },
      errors: [{ file: 'Dockerfile', line: 2, message: '"build-base"' }, { file: 'Dockerfile', line: 2, message: '"git"' }],
    },
    { name: 'pip build tools', files: 'FROM python:3.12-slim\nRUN pip install cython wheel\n', errors: [{ line: 2, message: '"cython"' }, { line: 2, message: '"wheel"' }] },
  ],
});
