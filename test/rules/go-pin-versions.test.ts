import rule from '../../rules/go-pin-versions.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'versions and commits', files: 'FROM golang:1.24\nRUN go install golang.org/x/tools/gopls@v0.17.1 github.com/go-delve/delve/cmd/dlv@a1b2c3d\n' },
    { name: 'local packages, files and the standard library', files: 'FROM golang:1.24\nRUN go install ./cmd/server && go run main.go --port 8080 && go install std && go get -u ./...\n' },
    { name: 'go run arguments and @none', files: 'FROM golang:1.24\nRUN go run github.com/swaggo/swag/cmd/swag@v1.16.4 init github.com/not/a-package && go get example.com/old@none\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM golang:1.24\n# hadolint ignore=DL3062\nRUN go install golang.org/x/tools/gopls@latest\n' },
  ],
  invalid: [
    {
      name: '@latest and no version in an && chain',
      files: 'FROM golang:1.24\nRUN go install -v golang.org/x/tools/gopls@latest && go get github.com/pkg/errors\n',
      errors: [{ line: 2, column: 19, message: 'newest when the build runs' }, { line: 2, column: 61, message: '`go get github.com/pkg/errors@<version>`' }],
    },
    { name: 'option values skipped, in a continuation', files: 'FROM golang:1.24\nRUN CGO_ENABLED=0 go install -ldflags "-s -w" \\\n      honnef.co/go/tools/cmd/staticcheck\n', errors: [{ line: 3, column: 7 }] },
    { name: 'go run in a heredoc', files: 'FROM golang:1.24\nRUN <<EOF\ngo run github.com/magefile/mage@upgrade build\nEOF\n', errors: [{ line: 3, column: 8 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM golang:1.24\nONBUILD RUN go install github.com/air-verse/air\n', errors: [{ line: 2, column: 24 }] },
  ],
});
