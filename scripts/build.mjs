// Bundle the CLI into one ESM file: Node then loads one module instead of hundreds, which is
// most of a cold start. Native addons and the lazily loaded parts stay separate chunks.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['tree-sitter', 'tree-sitter-bash'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
