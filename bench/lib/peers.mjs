// The peer linters docker-policy is compared with, installed from bench/package-lock.json into
// bench/node_modules (never into the docker-policy package), and how each is run on a list of files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { measureProcess } from './measure.mjs';

/** Longest argument list (in characters) passed to one invocation; Linux allows ~2 MB of argv + env. */
export const MAX_ARGV_CHARS = 100_000;

export const PEERS = [
  {
    name: 'dclint',
    kind: 'compose',
    script: 'node_modules/dclint/bin/dclint.cjs',
    args: (files) => ['--formatter', 'json', ...files],
    // An array of { filePath, messages, errorCount, warningCount }, one per file linted.
    readReport: (stdout) => JSON.parse(stdout).map((entry) => ({ file: entry.filePath, findings: entry.messages.length })),
  },
  {
    name: 'dockerfilelint',
    kind: 'dockerfile',
    script: 'node_modules/dockerfilelint/bin/dockerfilelint',
    args: (files) => ['--json', ...files],
    // { files: [{ file, issues_count }] }; it exits with the number of issues, so its exit code says nothing.
    readReport: (stdout) => JSON.parse(stdout).files.map((entry) => ({ file: entry.file, findings: entry.issues_count })),
  },
];

/**
 * Install the peers with `npm ci --prefix bench` when bench/node_modules is missing, then report each
 * peer as `{ ...peer, version, command }` or `{ ...peer, error }`. Never throws: a missing peer only
 * removes its rows.
 */
export function preparePeers(benchDir, log) {
  let installError;
  if (!fs.existsSync(path.join(benchDir, 'node_modules'))) {
    log('installing the peer linters: npm ci --prefix bench');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--prefix', benchDir, '--no-audit', '--no-fund'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) installError = `npm ci --prefix bench failed (${result.error?.message ?? `exit ${result.status}`}): ${lastLine(result.stderr)}`;
  }
  return PEERS.map((peer) => {
    if (installError) return { ...peer, error: installError };
    const packageJson = path.join(benchDir, 'node_modules', peer.name, 'package.json');
    const script = path.join(benchDir, peer.script);
    if (!fs.existsSync(packageJson) || !fs.existsSync(script)) return { ...peer, error: `${peer.name} is not installed in bench/node_modules (delete bench/node_modules and re-run to reinstall)` };
    const probe = spawnSync(process.execPath, [script, '--version'], { encoding: 'utf8' });
    if (probe.status !== 0) return { ...peer, error: `${peer.name} --version failed: ${lastLine(probe.stderr || probe.stdout)}` };
    const version = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;
    return { ...peer, version, scriptPath: script, command: `node ${path.relative(path.dirname(benchDir), script)} ${peer.args(['FILES…']).join(' ')}` };
  });
}

/** Split a file list into invocations whose argument lists stay under MAX_ARGV_CHARS. */
export function batches(files) {
  const result = [];
  let current = [];
  let size = 0;
  for (const file of files) {
    if (current.length && size + file.length + 1 > MAX_ARGV_CHARS) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.length + 1;
  }
  if (current.length) result.push(current);
  return result;
}

/** One invocation; `crashed` when the report is missing, unreadable or leaves out files. */
async function invoke(peer, files, cwd) {
  const run = await measureProcess(process.execPath, [peer.scriptPath, ...peer.args(files)], { cwd });
  let report;
  try {
    report = peer.readReport(run.stdout);
  } catch {
    report = null;
  }
  const crashed = report === null || report.length !== files.length;
  return { run, report, crashed };
}

/**
 * Find the files a peer cannot get through: invocations whose report is missing are split in halves
 * until the failing files stand alone (a crash on one file loses the whole invocation's report).
 */
export async function screenFiles(peer, files, cwd) {
  const crashed = [];
  const pending = batches(files);
  let invocations = 0;
  while (pending.length) {
    const group = pending.pop();
    invocations++;
    const { run, crashed: failed } = await invoke(peer, group, cwd);
    if (!failed) continue;
    if (group.length === 1) crashed.push({ file: group[0], exitCode: run.code, message: firstErrorLine(run.stderr) });
    else pending.push(group.slice(0, group.length >> 1), group.slice(group.length >> 1));
  }
  return { crashed, invocations };
}

/**
 * Time the peer over `files` (the ones it does not crash on), batched as few invocations as the
 * argument limit allows: wall and CPU summed over the invocations, peak memory the largest.
 */
export async function timePeer(peer, files, cwd) {
  let wallMs = 0;
  let cpuMs = 0;
  let peakRssMb = 0;
  let largestProcessRssMb = 0;
  let nonZeroExits = 0;
  let filesWithFindings = 0;
  let crashedInvocations = 0;
  const groups = batches(files);
  for (const group of groups) {
    const { run, report, crashed } = await invoke(peer, group, cwd);
    wallMs += run.wallMs;
    cpuMs += run.cpuMs;
    peakRssMb = Math.max(peakRssMb, run.peakRssMb);
    largestProcessRssMb = Math.max(largestProcessRssMb, run.largestProcessRssMb);
    if (run.code !== 0) nonZeroExits++;
    if (crashed) crashedInvocations++;
    else filesWithFindings += report.filter((entry) => entry.findings > 0).length;
  }
  return { wallMs, cpuMs, peakRssMb, largestProcessRssMb, invocations: groups.length, nonZeroExits, crashedInvocations, filesWithFindings };
}

function lastLine(text) {
  return (text ?? '').trim().split('\n').pop() ?? '';
}

/** The error message of a Node stack trace on stderr (the line naming the error), not the frames. */
function firstErrorLine(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.find((line) => /^[A-Z]\w*(Error|Exception)\b/.test(line)) ?? lines.find(Boolean) ?? '';
}
