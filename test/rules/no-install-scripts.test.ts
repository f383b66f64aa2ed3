import rule from '../../rules/no-install-scripts.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'install in Dockerfile', files: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
    { name: 'script without install', files: { Dockerfile: 'FROM python:3.12\nCOPY gen.sh /gen.sh\nRUN /gen.sh\n', 'gen.sh': 'python -m compileall /app\n' } },
    { name: 'script only at start', files: { Dockerfile: 'FROM python:3.12\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', 'start.sh': 'pip install flask\n' } },
    { name: 'script not run by a Dockerfile', files: { 'build.sh': 'docker compose build\nnpm ci\n' } },
    // BuildKit roots `../` at the context: app/tools/setup.sh, which does not exist, not tools/setup.sh.
    { name: 'COPY ../ does not leave the context', files: { 'app/Dockerfile': 'FROM python:3.12\nCOPY ../tools/setup.sh /setup.sh\nRUN /setup.sh\n', 'tools/setup.sh': 'pip install flask\n' } },
  ],
  invalid: [
    { name: 'source with ../ means the context root', files: { Dockerfile: 'FROM python:3.12\nCOPY ../install.sh /i.sh\nRUN /i.sh\n', 'install.sh': 'pip install flask\n' }, errors: [{ file: 'install.sh', line: 1 }] },
    { name: 'absolute source is in the context, not on the host', files: { Dockerfile: 'FROM python:3.12\nCOPY /scripts/install.sh /i.sh\nRUN /i.sh\n', 'scripts/install.sh': 'pip install flask\n' }, errors: [{ file: 'scripts/install.sh', line: 1 }] },
    { name: 'bind mount source with ../', files: { Dockerfile: 'FROM python:3.12\nRUN --mount=type=bind,source=../scripts,target=/s sh /s/install.sh\n', 'scripts/install.sh': 'pip install flask\n' }, errors: [{ file: 'scripts/install.sh', line: 1 }] },
    { name: 'pip in script', files: { Dockerfile: 'FROM python:3.12\nCOPY install.sh /tmp/install.sh\nRUN sh /tmp/install.sh\n', 'install.sh': '#!/bin/sh\npip install -r requirements.txt\n' }, errors: [{ file: 'install.sh', line: 2, column: 1, message: 'Dockerfile:3' }] },
    { name: 'python -m pip with workdir', files: { Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY scripts/setup.sh ./\nRUN ./setup.sh\n', 'scripts/setup.sh': 'set -e\npython3 -m pip install torch\n' }, errors: [{ file: 'scripts/setup.sh', line: 2 }] },
    { name: 'apt and npm', files: { Dockerfile: 'FROM node:20\nCOPY deps.sh /deps.sh\nRUN /deps.sh\n', 'deps.sh': 'apt-get update\napt-get install -y git\ncd /app && npm ci\n' }, errors: [{ file: 'deps.sh', line: 2 }, { file: 'deps.sh', line: 3, column: 12 }] },
  ],
});
