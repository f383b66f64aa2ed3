import rule from '../../rules/pip-pin-versions.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'any version specifier, as hadolint', files: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask==3.1.0 "requests>=2.32" \'uvicorn[standard]~=0.34\'\n' },
    { name: 'requirement and constraint files', files: 'FROM python:3.13-slim\nRUN pip install -r requirements.txt && pip install -c constraints.txt flask\n' },
    { name: 'local paths, archives, URLs, VCS with a revision', files: 'FROM python:3.13-slim\nRUN pip install . ./libs/core dist/app-1.0-py3-none-any.whl https://example.com/pkg.tar.gz git+https://github.com/org/repo@v1.2.0\n' },
    { name: 'option values are not packages', files: 'FROM python:3.13-slim\nRUN pip install --index-url https://pypi.example.com/simple --target /opt/deps -e ./src flask==3.1.0\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM python:3.13-slim\n# hadolint ignore=DL3013\nRUN pip install flask\n' },
  ],
  invalid: [
    {
      name: 'each unpinned package in an && chain',
      files: 'FROM python:3.13-slim\nRUN pip install --upgrade pip && pip3 install flask==3.1.0 gunicorn\n',
      errors: [{ line: 2, column: 27, message: '"pip"' }, { line: 2, column: 60, message: '`gunicorn==<version>`' }],
    },
    { name: 'python -m pip in a continuation', files: 'FROM python:3.13-slim\nRUN python3 -m pip install \\\n      celery\n', errors: [{ line: 3, column: 7, message: '"celery"' }] },
    { name: 'VCS URL without a revision, in a heredoc', files: 'FROM python:3.13-slim\nRUN <<EOF\npip install git+https://github.com/org/repo.git\nEOF\n', errors: [{ line: 3, column: 13, message: 'name a tag or commit' }] },
    { name: 'uv pip and ONBUILD', files: 'FROM python:3.13-slim\nONBUILD RUN uv pip install --system "httpx[http2]"\n', errors: [{ line: 2, column: 37, message: '"httpx[http2]"' }] },
  ],
});
