import labelRequired from '../../rules/label-required.js';
import { withSchema } from '../helpers/label-schema.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(labelRequired, {
  valid: withSchema([
    {
      name: 'all labels, across a continuation',
      files:
        'FROM alpine:3.21\nLABEL org.opencontainers.image.source=https://x.example org.opencontainers.image.created=2025-01-01T00:00:00Z \\\n  org.opencontainers.image.licenses=MIT org.opencontainers.image.revision=abcdef1 org.opencontainers.image.version=1.0.0 maintainer=a@b.example org.opencontainers.image.title=x\n',
    },
    {
      name: 'inherited from the parent stage; builder stage not checked',
      files:
        'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.21 AS labelled\nLABEL org.opencontainers.image.source=s org.opencontainers.image.created=c org.opencontainers.image.licenses=l org.opencontainers.image.revision=r org.opencontainers.image.version=v maintainer=m org.opencontainers.image.title=t\nFROM labelled\nCOPY --from=build /out /out\n',
    },
    { name: 'no schema: nothing to require', files: 'FROM alpine:3.21\n', settings: {} },
  ]),
  invalid: withSchema([
    {
      name: 'one label missing',
      files:
        'FROM alpine:3.21\nLABEL org.opencontainers.image.source=s org.opencontainers.image.created=c org.opencontainers.image.licenses=l org.opencontainers.image.revision=r org.opencontainers.image.version=v org.opencontainers.image.title=t\n',
      errors: [{ line: 1, column: 1, message: 'Label `maintainer` is missing from this image' }],
    },
    {
      name: 'only the schema label that is missing, per image stage',
      files: 'FROM alpine:3.21 AS app\nLABEL org.opencontainers.image.title=x\n',
      settings: { labelSchema: { 'org.opencontainers.image.title': 'text', maintainer: 'email' } },
      errors: [{ line: 1, column: 1, message: 'from stage `app`' }],
    },
    {
      name: 'two image stages (compose targets one of them)',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: api\n',
        Dockerfile: 'FROM alpine:3.21 AS api\nLABEL maintainer=a@b.example\nFROM api AS worker\n',
      },
      settings: { labelSchema: { maintainer: 'email', team: 'text' } },
      errors: [
        { file: 'Dockerfile', line: 1, column: 1, message: '`team`' },
        { file: 'Dockerfile', line: 3, column: 1, message: '`team`' },
      ],
    },
  ]),
});
