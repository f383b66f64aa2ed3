// The files of a corpus directory by kind, named the way docker-policy names them (src/model/project.ts
// classifyFile): the bench runs plain Node on the built CLI, so it cannot import the TypeScript source.
import fs from 'node:fs';
import path from 'node:path';

const SKIPPED = new Set(['.git', 'node_modules']);

export function kindOf(fileName) {
  const name = fileName.toLowerCase();
  if (/^(dockerfile|containerfile)(\..+)?$/.test(name) || /\.(dockerfile|containerfile)$/.test(name)) return 'dockerfile';
  if (/^(docker-compose.*|compose|compose[.-].+)\.ya?ml$/.test(name)) return 'compose';
  return null;
}

/** Relative paths (to `root`, sorted) of the Dockerfiles and compose files under `root`. */
export function listCorpus(root) {
  const byKind = { dockerfile: [], compose: [] };
  const walk = (directory) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(absolute);
      } else if (entry.isFile()) {
        const kind = kindOf(entry.name);
        if (kind) byKind[kind].push(path.relative(root, absolute));
      }
    }
  };
  walk(root);
  byKind.dockerfile.sort();
  byKind.compose.sort();
  return byKind;
}
