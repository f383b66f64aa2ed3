import rule from '../../rules/invalid-base-image-platform.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'valid constant', files: 'FROM --platform=linux/arm64 alpine:3.21\n' },
    { name: 'variable platform', files: 'FROM --platform=$BUILDPLATFORM golang:1.23\n' },
    { name: 'arch image with its own platform', files: 'FROM --platform=linux/arm64 arm64v8/alpine:3.21\n' },
    { name: 'stage with the same platform', files: 'FROM --platform=linux/amd64 golang:1.23 AS build\nFROM --platform=linux/amd64 build AS test\n' },
    { name: 'aliases of architectures', files: 'FROM --platform=linux/x86_64 alpine:3.21\nFROM --platform=linux/aarch64 alpine:3.21\n' },
  ],
  invalid: [
    { name: 'misspelled architecture', files: 'FROM --platform=linux/amd46 alpine:3.21\n', errors: [{ line: 1, column: 17, message: 'unknown architecture "amd46"' }] },
    { name: 'unknown OS', files: 'FROM --platform=linus/amd64 alpine:3.21\n', errors: [{ line: 1, column: 17, message: 'unknown operating system "linus"' }] },
    { name: 'arch-specific image', files: 'FROM --platform=linux/amd64 arm64v8/alpine:3.21\n', errors: [{ line: 1, column: 17, message: 'Base image arm64v8/alpine is built only for linux/arm64/v8' }] },
    { name: 'contradicts the base stage', files: 'FROM --platform=linux/arm64 golang:1.23 AS build\nRUN go build ./...\nFROM --platform=linux/amd64 build AS test\n', errors: [{ line: 3, column: 17, message: 'contradicts the stage it builds on (line 1, linux/arm64)' }] },
  ],
});
