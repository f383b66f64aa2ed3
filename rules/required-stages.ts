import { finalStage } from '../src/model/queries.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'required-stages',
    description: 'The Dockerfile has the named stages the team agreed on (default deps, build, runtime), and the last one is the final stage.',
    severity: 'error',
    presets: ['strict'],
    fileKinds: ['dockerfile'],
    options: {
      schema: {
        type: 'object',
        properties: { stages: { type: 'array', items: { type: 'string' }, description: 'Stage names every Dockerfile must have; the last one must be the final stage.' } },
        additionalProperties: false,
      },
      defaults: { stages: ['deps', 'build', 'runtime'] },
    },
    docs: {
      rationale:
        'A shared stage layout (dependencies, build, runtime) makes every service\'s Dockerfile read the same way, lets CI and compose target the same stage names everywhere, and keeps build tools out of the image that ships. This is a policy rule: it is only in the `strict` preset.',
      bad: { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n' },
      good: {
        code: 'FROM node:20-slim AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n\nFROM deps AS build\nCOPY . .\nRUN npm run build\n\nFROM node:20-slim AS runtime\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
      },
      notes: 'Stage names compare case-insensitively. Set the option `stages` to your own layout, e.g. `["builder", "runtime"]`.',
    },
  },
  check(context) {
    const stages = Array.isArray(context.options.stages) ? (context.options.stages as unknown[]).filter((name): name is string => typeof name === 'string') : [];
    if (!stages.length) return;
    for (const dockerfile of context.project.dockerfiles) {
      const final = finalStage(dockerfile);
      if (!final) continue;
      const names = new Set(dockerfile.stages.map((stage) => stage.name?.toLowerCase()).filter((name): name is string => !!name));
      const missing = stages.filter((name) => !names.has(name.toLowerCase()));
      const range = final.fromInstruction.range;
      if (missing.length) {
        context.report({ file: dockerfile.file, range, message: `Missing required stage${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} (required: ${stages.join(', ')}).` });
      }
      const last = stages[stages.length - 1]!;
      if (names.has(last.toLowerCase()) && final.name?.toLowerCase() !== last.toLowerCase()) {
        context.report({ file: dockerfile.file, range, message: `The final stage must be "${last}", but it is ${final.name ? `"${final.name}"` : 'unnamed'}.` });
      }
    }
  },
};

export default rule;
