import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ConfigError } from '../../config/config.js';
import { ConfigResolver } from '../../config/resolver.js';
import { buildProject, classifyFile, type DiscoveredFile, type Project } from '../../model/project.js';
import type { DockerfileModel } from '../../model/dockerfile.js';
import { checkableFileReader } from '../../engine/lint.js';
import { builtinRules } from '../../../rules/index.js';

export interface GraphOptions {
  format: 'mermaid' | 'dot' | 'json';
  compose?: string;
  markdown?: boolean;
  config?: string;
  outputFile?: string;
}

const DEFAULT_FILES = ['Dockerfile', 'Containerfile', 'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export function registerGraphCommand(program: Command): void {
  program
    .command('graph')
    .description('print the build-stage graph: base images → stages → compose services, dead-end stages marked')
    .argument('[file]', `a Dockerfile or compose file (default: the first of ${DEFAULT_FILES.join(', ')} here)`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot', 'json']).default('mermaid'))
    .option('--compose <file>', 'compose file whose services build the Dockerfile (their targets are drawn and are not dead ends)')
    .option('--markdown', 'write a Markdown section: the Mermaid graph and a table of stages')
    .option('-c, --config <file>', 'config whose unused-stage `allow` list names stages built directly')
    .option('-o, --output-file <file>', 'write to a file instead of standard output')
    .action(async (file: string | undefined, options: GraphOptions) => {
      process.exitCode = await runGraph(file, options);
    });
}

export async function runGraph(file: string | undefined, options: GraphOptions): Promise<number> {
  const cwd = process.cwd();
  const input = file ?? DEFAULT_FILES.find((name) => fs.existsSync(path.join(cwd, name)));
  if (!input) {
    process.stderr.write(`docker-policy: no Dockerfile or compose file here; name one: docker-policy graph path/to/Dockerfile\n`);
    return 2;
  }
  const absolute = path.resolve(cwd, input);
  const kind = classifyFile(path.basename(absolute)) ?? (/\.ya?ml$/i.test(absolute) ? 'compose' : 'dockerfile');
  if (kind !== 'dockerfile' && kind !== 'compose') {
    process.stderr.write(`docker-policy: ${input} is neither a Dockerfile nor a compose file\n`);
    return 2;
  }
  const discovered: DiscoveredFile[] = [{ path: absolute, kind }];
  if (options.compose) discovered.push({ path: path.resolve(cwd, options.compose), kind: 'compose' });
  for (const entry of discovered) {
    if (!fs.existsSync(entry.path)) {
      process.stderr.write(`docker-policy: ${path.relative(cwd, entry.path) || entry.path}: no such file\n`);
      return 2;
    }
  }
  const project = buildProject(discovered, checkableFileReader, cwd);
  const dockerfiles = kind === 'dockerfile' ? project.dockerfiles.filter((model) => model.file.path === absolute) : composeDockerfiles(project);
  if (!dockerfiles.length) {
    process.stderr.write(`docker-policy: ${input} builds no Dockerfile that could be read\n`);
    return 2;
  }
  const targets = project.buildTargets.filter((target) => target.service && dockerfiles.includes(target.dockerfile));
  let allow: Map<DockerfileModel, string[]>;
  try {
    allow = await allowLists(dockerfiles, cwd, options.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`docker-policy: config error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { buildStageGraph } = await import('../../graph/stage-graph.js');
  const graph = buildStageGraph({ project, dockerfiles, targets, allow: (dockerfile) => allow.get(dockerfile) ?? [] });
  let output: string;
  if (options.markdown) output = (await import('../../graph/render-markdown.js')).renderMarkdown(graph);
  else if (options.format === 'dot') output = (await import('../../graph/render-dot.js')).renderDot(graph);
  else if (options.format === 'json') output = `${JSON.stringify(graph, null, 2)}\n`;
  else output = (await import('../../graph/render-mermaid.js')).renderMermaid(graph);
  if (options.outputFile) fs.writeFileSync(path.resolve(cwd, options.outputFile), output);
  else process.stdout.write(output);
  if (kind === 'dockerfile' && !options.compose && graph.stages.some((stage) => stage.deadEnd)) {
    process.stderr.write('docker-policy: no compose file given: a stage that only a compose service builds (build.target) shows as a dead end; add --compose FILE\n');
  }
  return 0;
}

/** The Dockerfiles a compose file's services build, in service order. */
function composeDockerfiles(project: Project): DockerfileModel[] {
  const seen: DockerfileModel[] = [];
  for (const target of project.buildTargets) if (target.service && !seen.includes(target.dockerfile)) seen.push(target.dockerfile);
  return seen;
}

/** The `unused-stage` rule's `allow` option as configured for each Dockerfile. */
async function allowLists(dockerfiles: DockerfileModel[], cwd: string, configPath: string | undefined): Promise<Map<DockerfileModel, string[]>> {
  const resolver = new ConfigResolver(builtinRules, { cwd, configPath });
  const lists = new Map<DockerfileModel, string[]>();
  for (const dockerfile of dockerfiles) {
    const allow = (await resolver.forFile(dockerfile.file.path)).rules.get('unused-stage')?.options.allow;
    lists.set(dockerfile, Array.isArray(allow) ? allow.filter((name): name is string => typeof name === 'string') : []);
  }
  return lists;
}
