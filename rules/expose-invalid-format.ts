import type { Rule } from '../src/engine/types.js';
import { parsePortSpec } from '../src/model/image-spec.js';
import { exposedWords } from '../src/model/dockerfile-vars.js';

const rule: Rule = {
  meta: {
    id: 'expose-invalid-format',
    aliases: ['ExposeInvalidFormat'],
    description: 'EXPOSE takes container ports (`8080`, `8080/tcp`, `9000-9010`): no host IP or host port mappings, no malformed ports.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'EXPOSE documents which ports the container listens on; publishing is decided at run time (`docker run -p`, compose `ports:`). `EXPOSE 8080:80` or `EXPOSE 127.0.0.1:80:80` look like a port mapping but BuildKit only records the container port and drops the rest, and Docker has announced that such forms will be rejected. BuildKit reports them as `ExposeInvalidFormat`. A port that is not a number or range, or an unknown protocol, fails the build outright; those are reported too.',
      bad: { code: 'FROM node:20-slim\nEXPOSE 3000:3000\nEXPOSE 0.0.0.0:9229:9229/tcp\n' },
      good: { code: 'FROM node:20-slim\nEXPOSE 3000 9229/tcp\n' },
      notes: 'Variables are expanded with the ARG and ENV values the Dockerfile sets; a port whose value is not known (`EXPOSE $PORT` with `ARG PORT` and no default) is not checked.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      for (const { word, value } of exposedWords(dockerfile)) {
        const spec = parsePortSpec(value);
        const range = file.rangeOf(word.start, word.end);
        if (spec.ip || spec.hostPort) {
          context.report({ file, range, message: `EXPOSE "${value}" includes a ${spec.ip ? 'host IP and ' : ''}host port: EXPOSE only declares container ports; write EXPOSE ${spec.containerPort}${spec.proto ? `/${spec.proto}` : ''} and publish the port at run time (-p / compose ports).` });
        } else if (spec.error) {
          context.report({ file, range, message: `EXPOSE "${value}" is not a valid port: ${spec.error}; the build fails on it.` });
        }
      }
    }
  },
};

export default rule;
