// Bundle the CLI into one ESM file: Node then loads one module instead of hundreds, which is
// most of a cold start. Native addons and the lazily loaded parts stay separate chunks. Minified
// (whitespace and syntax, names kept for stack traces): less text to parse on every start.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the old ones so dist/ holds one build.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', 'lint-worker': 'src/engine/lint-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['tree-sitter', 'tree-sitter-bash'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
