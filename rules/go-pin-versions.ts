import { goCall, goPackagePin } from '../src/model/package-args.js';
import { runCommands, wordRange } from '../src/model/queries.js';
import { buildEnvironment, operandValues } from '../src/model/run-context.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'go-pin-versions',
    aliases: ['DL3062'],
    description: 'Give each remote package in `go install`, `go get` and `go run` a version: `go install golang.org/x/tools/gopls@v0.17.1`.',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'Without `@version` (or with `@latest`), Go resolves the newest release when the build runs: the same commit builds different tools on different days, and a broken or compromised release goes straight into the image. `@v1.2.3` (or a commit) makes the build reproducible and upgrades a reviewed change.',
      bad: { code: 'FROM golang:1.24\nRUN go install golang.org/x/tools/gopls@latest\n' },
      good: { code: 'FROM golang:1.24\nRUN go install golang.org/x/tools/gopls@v0.17.1\n' },
      notes:
        'Packages of the current module, the standard library, files and directories (`.`, `./cmd/server`, `main.go`) are versioned by go.mod and are not reported; only remote module paths (a dot in the first path element) need a version. `@latest`, `@upgrade` and `@patch` are reported; `@none` (removal) is not an install. For `go run`, only the package is checked, not the program\'s arguments. Each package is reported at its own word.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      for (const { stage, instruction, command } of runCommands(dockerfile)) {
        const go = goCall(command);
        const subcommand = go?.subcommand?.value;
        if (!go || (subcommand !== 'install' && subcommand !== 'get' && subcommand !== 'run')) continue;
        // `go run pkg args…`: only the first operand is a package.
        const call = subcommand === 'run' ? { ...go, operands: go.operands.slice(0, 1) } : go;
        for (const { word, value, variable } of operandValues(call, instruction.shell, () => buildEnvironment(dockerfile, stage, instruction))) {
          const pin = goPackagePin(value);
          const shown = variable ? `"${value}" (in $${variable})` : `"${value}"`;
          if (pin !== 'unpinned' && pin !== 'floating') continue;
          const path = value.replace(/@[^@]*$/, '');
          context.report({
            file: dockerfile.file,
            range: wordRange(dockerfile.file, word),
            message: pin === 'floating'
              ? `${shown} resolves to whatever is newest when the build runs; pin a version: \`go ${subcommand} ${path}@<version>\`.`
              : `Pin the version of ${shown}: \`go ${subcommand} ${path}@<version>\`.`,
          });
        }
      }
    }
  },
};

export default rule;
