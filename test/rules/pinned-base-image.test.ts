import rule from '../../rules/pinned-base-image.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'tag', files: 'FROM node:20.11-bookworm\n' },
    { name: 'digest', files: 'FROM alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\n' },
    { name: 'stage reference', files: 'FROM golang:1.23 AS build\nFROM build\n' },
    { name: 'scratch', files: 'FROM scratch\n' },
    { name: 'ARG default pinned', files: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\n' },
    { name: 'ARG without default cannot be judged', files: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'registry with port', files: 'FROM localhost:5000/team/app:1.2\n' },
  ],
  invalid: [
    { name: 'untagged', files: 'FROM ubuntu\n', errors: [{ line: 1, column: 6, message: 'no tag' }] },
    { name: 'latest', files: 'FROM rust:latest AS builder\nFROM alpine:3.21\n', errors: [{ line: 1, column: 6, message: '"latest"' }] },
    { name: 'ARG default latest', files: 'ARG BASE=node:latest\nFROM ${BASE} AS deps\n', errors: [{ line: 2, column: 6, message: 'ARG BASE' }] },
    { name: 'registry port is not a tag', files: 'FROM localhost:5000/team/app\n', errors: [{ line: 1, message: 'no tag' }] },
    { name: 'requireDigest', files: 'FROM node:20\n', options: { requireDigest: true }, errors: [{ line: 1, message: 'digest' }] },
    {
      name: 'suppressed by hadolint alias only for the next instruction',
      files: '# hadolint ignore=DL3006\nFROM ubuntu AS a\nFROM debian AS b\n',
      errors: [{ line: 3, column: 6 }],
    },
  ],
});
