import rule from '../../rules/manifest-before-source.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'manifests first', files: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n' },
    { name: 'glob manifest', files: 'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n' },
    {
      name: 'rust dummy main.rs',
      files: 'FROM rust:1.83 AS build\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN mkdir src && echo "fn main() {}" > src/main.rs\nRUN cargo build --release\nCOPY src ./src\nRUN cargo build --release\n',
    },
    { name: 'COPY --from is not source', files: 'FROM python:3.12 AS a\nRUN true\nFROM python:3.12-slim\nCOPY --from=a /wheels /wheels\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'go modules', files: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\n' },
    { name: 'apt is not a dependency install', files: 'FROM debian:12\nCOPY . /src\nRUN apt-get install -y curl\n' },
    { name: 'custom manifest setting', files: 'FROM node:20\nCOPY package.json deps.lst ./\nRUN npm ci\nCOPY . .\n', settings: { manifests: ['*.lst'] } },
    { name: 'cargo chef', files: 'FROM rust:1.83 AS build\nCOPY --from=planner /app/recipe.json recipe.json\nRUN cargo chef cook --release\nCOPY . .\nRUN cargo build --release\n' },
  ],
  invalid: [
    { name: 'COPY . . before npm ci', files: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', errors: [{ line: 4, column: 5, message: 'line 3' }] },
    { name: 'source dir before pip', files: 'FROM python:3.12\nCOPY requirements.txt .\nCOPY src ./src\nRUN pip install -r requirements.txt\n', errors: [{ line: 4, message: 'line 3' }] },
    { name: 'in && chain', files: 'FROM golang:1.23\nCOPY . .\nRUN cd /src && go mod download && go build\n', errors: [{ line: 3, column: 16 }] },
    { name: 'in heredoc', files: 'FROM python:3.12\nCOPY . /app\nRUN <<EOF\nset -e\npoetry install\nEOF\n', errors: [{ line: 5, column: 1 }] },
    { name: 'only first install per stage, per stage', files: 'FROM node:20 AS a\nCOPY . .\nRUN yarn install\nRUN npm ci\nFROM ruby:3.3\nCOPY app.rb Gemfile ./\nRUN bundle install\n', errors: [{ line: 3 }, { line: 7, message: 'line 6' }] },
    { name: 'directory copy before dotnet restore', files: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY App/ ./App/\nRUN dotnet restore\n', errors: [{ line: 3 }] },
  ],
});
