import type { Rule } from '../src/engine/types.js';
import { keyValuePairs } from '../src/model/dockerfile-vars.js';
import { parserDirectiveLine } from '../src/model/dockerfile-words.js';

const rule: Rule = {
  meta: {
    id: 'definition-description-format',
    aliases: ['InvalidDefinitionDescription'],
    description: 'A comment right above a named stage or an ARG should start with its name (`# NODE_VERSION …`), so tools can show it as the description.',
    severity: 'warning',
    presets: [],
    fileKinds: ['dockerfile'],
    docs: {
      rationale:
        'BuildKit reads the comment directly above `FROM … AS name` and `ARG NAME` as that build target\'s or argument\'s description (`docker buildx build --call=outline`, `--call=targets`) when it starts with the name. A comment that does not is shown as nothing, or mistaken for one. BuildKit reports it as `InvalidDefinitionDescription` (an experimental check there).',
      bad: { code: '# Version of Node.js to build with\nARG NODE_VERSION=20\n\n# Builds the assets\nFROM node:${NODE_VERSION} AS build\n' },
      good: { code: '# NODE_VERSION is the version of Node.js to build with\nARG NODE_VERSION=20\n\n# build compiles the assets\nFROM node:${NODE_VERSION} AS build\n\n# This comment is separated by an empty line, so it describes nothing.\n\nARG DEBUG=0\n' },
      notes:
        'Opt-in, like BuildKit\'s experimental checks: enable it in the config, or with `# check=experimental=InvalidDefinitionDescription` in the Dockerfile. Only the last line of the comment block is compared, and an empty line ends a block. Parser directives at the top of the file (`# syntax=…`) are not descriptions.',
    },
  },
  check(context) {
    for (const dockerfile of context.project.dockerfiles) {
      const file = dockerfile.file;
      // Parser directives: the leading `# name=value` lines.
      let directivesEnd = 0;
      while (directivesEnd < file.lineCount && parserDirectiveLine(file.lineText(directivesEnd + 1))) directivesEnd++;
      for (const instruction of dockerfile.instructions) {
        let names: string[] = [];
        let what = instruction.keyword;
        if (instruction.keyword === 'FROM') {
          const alias = dockerfile.stages.find((stage) => stage.fromInstruction === instruction)?.from.alias;
          if (alias) names = [alias.value];
        } else if (instruction.keyword === 'ARG') {
          names = keyValuePairs(dockerfile, instruction).map((pair) => pair.key).filter(Boolean);
        }
        if (!names.length) continue;
        const commentLine = instruction.range.start.line - 1;
        if (commentLine <= directivesEnd || commentLine < 1) continue;
        const text = file.lineText(commentLine).trim();
        if (!text.startsWith('#')) continue;
        const firstWord = text.slice(1).trim().split(' ')[0]!;
        if (names.includes(firstWord)) continue;
        const example = names.length > 1 ? '<arg_key>' : names[0]!;
        if (instruction.keyword === 'FROM') what = 'stage';
        context.report({
          file,
          range: file.lineRange(commentLine),
          message: `Comment for ${what === 'stage' ? `stage "${names[0]}"` : `ARG ${names.join(' ')}`} should follow the format "# ${example} <description>"; if it is not a description, put an empty line between it and the ${instruction.keyword}.`,
        });
      }
    }
  },
};

export default rule;
