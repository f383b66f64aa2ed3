#!/usr/bin/env node
// `npm run bench`: docker-policy against its peers on this machine, in one run. Not a test: it prints
// a table and writes every number to bench/results.json. See `node bench/run.mjs --help`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCorpus } from './lib/corpus.mjs';
import { gnuTimeAvailable, measureProcess, summarize } from './lib/measure.mjs';
import { generateMonorepo } from './lib/monorepo.mjs';
import { batches, preparePeers, screenFiles, timePeer } from './lib/peers.mjs';
import { printReport } from './lib/report.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const cli = path.join(root, 'bin/docker-policy.js');
const SECTIONS = ['cold', 'corpus', 'monorepo', 'lsp'];
const HELP = `Usage: node bench/run.mjs [options]   (npm run bench -- [options])

  --quick            fewer runs and a 10× smaller monorepo: a smoke run (writes bench/results.local.json)
  --only LIST        comma-separated sections to run: ${SECTIONS.join(',')} (default: all)
  --corpus DIR       real-world corpus (default: ../shared/corpus from the repository root)
  --runs N           runs of each cold single-file check (default 15, --quick 3)
  --out FILE         where to write the results (default bench/results.json)
  --keep             leave the generated monorepo in place and print where it is
  -h, --help         this text
`;

function parseArguments(argv) {
  const options = { quick: false, sections: SECTIONS, corpus: path.resolve(root, '../shared/corpus'), runs: undefined, out: undefined, keep: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) fail(`${argument} needs a value`);
      return next;
    };
    if (argument === '--quick') options.quick = true;
    else if (argument === '--keep') options.keep = true;
    else if (argument === '--corpus') options.corpus = path.resolve(value());
    else if (argument === '--out') options.out = path.resolve(value());
    else if (argument === '--runs') {
      options.runs = Number(value());
      if (!Number.isInteger(options.runs) || options.runs < 1) fail('--runs takes a whole number of at least 1');
    } else if (argument === '--only') {
      options.sections = value().split(',').map((name) => name.trim()).filter(Boolean);
      const unknown = options.sections.filter((name) => !SECTIONS.includes(name));
      if (unknown.length) fail(`unknown section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
    } else if (argument === '-h' || argument === '--help') {
      process.stdout.write(HELP);
      process.exit(0);
    } else fail(`unknown option ${argument}\n\n${HELP}`);
  }
  options.runs ??= options.quick ? 3 : 15;
  options.out ??= path.join(benchDir, options.quick ? 'results.local.json' : 'results.json');
  return options;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const dockerPolicy = (args, cwd) => measureProcess(process.execPath, [cli, ...args], { cwd });

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
    peakMemorySource: gnuTimeAvailable ? 'max of GNU time %M and /proc polling of the process tree' : '/proc polling of the process tree (no /usr/bin/time)',
  };
}

/** (a) Whole-process time of one check of one file, tools interleaved run by run so load hits all alike. */
async function coldSection(options, peers, corpus) {
  const pick = (preferred, list) => (list.includes(preferred) ? preferred : list[0]);
  const compose = pick('docker__awesome-compose/react-express-mongodb/compose.yaml', corpus.compose);
  const dockerfile = pick('docker__awesome-compose/react-express-mongodb/backend/Dockerfile', corpus.dockerfile);
  const peerFor = (kind) => peers.find((peer) => peer.kind === kind && !peer.error);
  const contenders = [
    { tool: 'docker-policy', kind: 'dockerfile', file: dockerfile, run: () => dockerPolicy(['check', dockerfile], options.corpus) },
    { tool: 'dockerfilelint', kind: 'dockerfile', file: dockerfile, peer: peerFor('dockerfile') },
    { tool: 'docker-policy', kind: 'compose', file: compose, run: () => dockerPolicy(['check', compose], options.corpus) },
    { tool: 'dclint', kind: 'compose', file: compose, peer: peerFor('compose') },
  ].filter((contender) => contender.file && (contender.run || contender.peer));
  for (const contender of contenders) {
    contender.run ??= () => measureProcess(process.execPath, [contender.peer.scriptPath, ...contender.peer.args([contender.file])], { cwd: options.corpus });
    contender.samples = [];
  }
  log(`cold single-file checks: ${options.runs} runs of ${contenders.length} commands`);
  for (let run = 0; run < options.runs; run++) for (const contender of contenders) contender.samples.push(await contender.run());
  return contenders.map((contender) => ({ tool: contender.tool, kind: contender.kind, file: contender.file, ...summarize(contender.samples) }));
}

/** docker-policy over `files` with as few invocations as the argument limit allows, like timePeer. */
async function timeDockerPolicy(files, cwd, extraArgs = []) {
  const total = { wallMs: 0, cpuMs: 0, peakRssMb: 0, largestProcessRssMb: 0, invocations: 0, nonZeroExits: 0, crashedInvocations: 0, filesChecked: 0, filesWithFindings: 0 };
  for (const group of batches(files)) {
    const run = await dockerPolicy(['check', '--format', 'json', ...extraArgs, ...group], cwd);
    Object.assign(total, { wallMs: total.wallMs + run.wallMs, cpuMs: total.cpuMs + run.cpuMs, peakRssMb: Math.max(total.peakRssMb, run.peakRssMb), largestProcessRssMb: Math.max(total.largestProcessRssMb, run.largestProcessRssMb), invocations: total.invocations + 1 });
    // Exit 1 means findings; 2 means path or internal errors, which the bench counts like a peer's crash.
    if (run.code !== 0) total.nonZeroExits++;
    try {
      const report = JSON.parse(run.stdout);
      total.filesChecked += report.summary.files;
      total.filesWithFindings += new Set(report.findings.map((finding) => finding.file ?? finding.path)).size;
      if (run.code === 2) total.crashedInvocations++;
    } catch {
      total.crashedInvocations++;
    }
  }
  return total;
}

/** Best (least wall time) of `times` measurements; CPU is the least too, each taken on its own. */
async function best(times, measure) {
  const samples = [];
  for (let index = 0; index < times; index++) samples.push(await measure());
  const fastest = samples.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  return { ...fastest, runs: times, cpuMs: Math.min(...samples.map((sample) => sample.cpuMs)), peakRssMb: Math.max(...samples.map((sample) => sample.peakRssMb)), largestProcessRssMb: Math.max(...samples.map((sample) => sample.largestProcessRssMb ?? NaN)), wallSamplesMs: samples.map((sample) => Math.round(sample.wallMs)) };
}

/** (b) Files per second and peak memory over the real-world corpus, per kind, on the files each peer gets through. */
async function corpusSection(options, peers, corpus) {
  // Two runs, not more: on this 2-core machine one full pass over the corpus takes minutes.
  const runs = options.quick ? 1 : 2;
  const results = [];
  for (const kind of ['compose', 'dockerfile']) {
    const files = corpus[kind];
    const peer = peers.find((candidate) => candidate.kind === kind);
    let common = files;
    let crashed = [];
    if (peer && !peer.error) {
      log(`corpus: screening ${files.length} ${kind} files with ${peer.name}`);
      const screen = await screenFiles(peer, files, options.corpus);
      crashed = screen.crashed;
      const lost = new Set(crashed.map((entry) => entry.file));
      common = files.filter((file) => !lost.has(file));
      log(`corpus: timing ${peer.name} on ${common.length} ${kind} files (${runs}×)`);
      const timing = await best(runs, () => timePeer(peer, common, options.corpus));
      results.push({ tool: peer.name, kind, files: common.length, crashedFiles: crashed, ...timing });
    }
    log(`corpus: timing docker-policy on ${common.length} ${kind} files (${runs}×)`);
    const timing = await best(runs, () => timeDockerPolicy(common, options.corpus));
    results.push({ tool: 'docker-policy', kind, files: common.length, excludedBecausePeerCrashed: crashed.length, ...timing });
    if (kind === 'dockerfile') {
      // The shellcheck rule runs the ShellCheck binary (when installed) on every RUN; the peers have no such check.
      log(`corpus: timing docker-policy --rule shellcheck=off on ${common.length} ${kind} files (${runs}×)`);
      const withoutShellcheck = await best(runs, () => timeDockerPolicy(common, options.corpus, ['--rule', 'shellcheck=off']));
      results.push({ tool: 'docker-policy', variant: 'shellcheck=off', kind, files: common.length, excludedBecausePeerCrashed: crashed.length, ...withoutShellcheck });
    }
  }
  log(`corpus: timing docker-policy on the whole directory (${runs}×)`);
  const whole = await best(runs, () => timeDockerPolicy(['.'], options.corpus));
  results.push({ tool: 'docker-policy', kind: 'all', files: whole.filesChecked, ...whole });
  return results;
}

/** (c) The synthetic monorepo at 10 %, 50 % and 100 %: time, memory and time per file at each size. */
async function monorepoSection(options) {
  const full = options.quick ? { dockerfiles: 500, composeFiles: 100 } : { dockerfiles: 5000, composeFiles: 1000 };
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-bench-monorepo-'));
  const results = [];
  try {
    for (const fraction of [0.1, 0.5, 1]) {
      const composeFiles = Math.round(full.composeFiles * fraction);
      const dir = path.join(base, `size-${Math.round(fraction * 100)}`);
      const counts = generateMonorepo(dir, { dockerfiles: composeFiles * 5, composeFiles });
      const runs = options.quick || fraction > 0.1 ? 1 : 2;
      log(`monorepo ${Math.round(fraction * 100)} %: ${counts.files} files (${counts.dockerfiles} Dockerfiles, ${counts.compose} compose), ${runs}×`);
      const timing = await best(runs, () => timeDockerPolicy(['.'], dir));
      results.push({ fraction, generated: counts, ...timing, msPerFile: timing.wallMs / timing.filesChecked, cpuMsPerFile: timing.cpuMs / timing.filesChecked });
      if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    if (options.keep) log(`kept the monorepo in ${base}`);
    else fs.rmSync(base, { recursive: true, force: true });
  }
  return results;
}

/** (d) bench/lsp-latency.mjs, as it is, with --json. */
async function lspSection(options) {
  log('lsp: bench/lsp-latency.mjs --json');
  const run = spawnSync(process.execPath, [path.join(benchDir, 'lsp-latency.mjs'), '--json', ...(options.quick ? ['--edits', '10'] : [])], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`lsp-latency.mjs exited ${run.status}: ${run.stderr.trim().split('\n').pop()}`);
  return JSON.parse(run.stdout);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!fs.existsSync(path.join(root, 'dist'))) {
    log('dist/ is missing: npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) fail('npm run build failed; the bench measures the built CLI');
  }
  const results = { machine: machine(), options: { quick: options.quick, sections: options.sections, corpus: options.corpus, coldRuns: options.runs }, peers: [], sections: {}, errors: {} };
  const needsCorpus = options.sections.some((name) => name === 'cold' || name === 'corpus');
  const corpusAvailable = fs.existsSync(options.corpus);
  let corpus = { compose: [], dockerfile: [] };
  if (needsCorpus && !corpusAvailable) results.errors.corpus = `corpus ${options.corpus} not found (pass --corpus DIR); the cold and corpus sections were skipped`;
  if (needsCorpus && corpusAvailable) corpus = listCorpus(options.corpus);
  const peers = needsCorpus && corpusAvailable ? preparePeers(benchDir, log) : [];
  results.peers = peers.map(({ name, kind, version, command, error }) => ({ name, kind, version, command, error }));
  for (const peer of peers) if (peer.error) log(`peer ${peer.name} unavailable: ${peer.error}`);

  const runners = { cold: () => coldSection(options, peers, corpus), corpus: () => corpusSection(options, peers, corpus), monorepo: () => monorepoSection(options), lsp: () => lspSection(options) };
  for (const name of options.sections) {
    if ((name === 'cold' || name === 'corpus') && !corpusAvailable) continue;
    try {
      results.sections[name] = await runners[name]();
    } catch (error) {
      results.errors[name] = error instanceof Error ? error.message : String(error);
      log(`section ${name} failed: ${results.errors[name]}`);
    }
  }
  results.machine.loadAverageAtEnd = os.loadavg().map((load) => Number(load.toFixed(2)));
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(printReport(results));
  process.stdout.write(`\nall numbers: ${path.relative(process.cwd(), options.out) || options.out}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
