// Whole-process measurement of one command: wall time, user+sys CPU and peak resident memory of the
// process tree. CPU and the peak of the largest process come from GNU time (wait4 rusage); the peak of
// the whole tree (a peer may spawn children) comes from polling /proc. The reported peak is the larger.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const PAGE_BYTES = 4096;
const POLL_MS = 20;
const hasGnuTime = fs.existsSync(GNU_TIME);

/**
 * Run `command args` in `cwd` and resolve with
 * `{ code, signal, wallMs, cpuMs, userMs, sysMs, peakRssMb, largestProcessRssMb, stdout, stderr }`
 * (peakRssMb: the whole tree; largestProcessRssMb: its biggest single process). Never rejects on a
 * non-zero exit: callers decide what an exit code means for that tool.
 */
export function measureProcess(command, args, { cwd, env } = {}) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-bench-run-'));
  const timeFile = path.join(scratch, 'time');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args]] : [command, args];
  // Output goes to files, not pipes: Node CLIs that call process.exit() right after writing a large
  // report to a pipe lose its tail (pipe writes are asynchronous; file writes are not).
  const stdoutFd = fs.openSync(path.join(scratch, 'stdout'), 'w');
  const stderrFd = fs.openSync(path.join(scratch, 'stderr'), 'w');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: env ?? process.env, stdio: ['ignore', stdoutFd, stderrFd] });
    let treePeak = 0;
    // With GNU time the tree root is `time` itself, which is not the measured program.
    const poll = setInterval(() => {
      treePeak = Math.max(treePeak, treeRssBytes(child.pid, hasGnuTime));
    }, POLL_MS);
    const finish = () => {
      clearInterval(poll);
      fs.closeSync(stdoutFd);
      fs.closeSync(stderrFd);
    };
    child.on('error', (error) => {
      finish();
      fs.rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      finish();
      let userMs = NaN;
      let sysMs = NaN;
      let rusagePeakKb = 0;
      if (hasGnuTime && fs.existsSync(timeFile)) {
        // GNU time writes "Command exited with non-zero status N" before the format line.
        const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
        const [user, sys, maxKb] = line.split(' ').map(Number);
        userMs = user * 1000;
        sysMs = sys * 1000;
        rusagePeakKb = maxKb;
      }
      const stdout = fs.readFileSync(path.join(scratch, 'stdout'), 'utf8');
      const stderr = fs.readFileSync(path.join(scratch, 'stderr'), 'utf8');
      fs.rmSync(scratch, { recursive: true, force: true });
      resolve({
        // GNU time exits with the program's own exit code.
        code,
        signal,
        wallMs,
        userMs,
        sysMs,
        cpuMs: userMs + sysMs,
        peakRssMb: Math.max(rusagePeakKb * 1024, treePeak) / 2 ** 20,
        largestProcessRssMb: rusagePeakKb ? rusagePeakKb / 1024 : NaN,
        stdout,
        stderr,
      });
    });
  });
}

/** Resident bytes of `rootPid` and all its descendants now (0 once it has gone). */
function treeRssBytes(rootPid, skipRoot) {
  const parentOf = new Map();
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may itself contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process exited while we looked
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    if (skipRoot && pid === rootPid) continue;
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // gone
    }
  }
  return total;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median and minimum wall and CPU time and the largest peak memory of repeated runs of one command. */
export function summarize(samples) {
  const walls = samples.map((sample) => sample.wallMs);
  const cpus = samples.map((sample) => sample.cpuMs);
  return {
    runs: samples.length,
    medianWallMs: median(walls),
    minWallMs: Math.min(...walls),
    medianCpuMs: median(cpus),
    minCpuMs: Math.min(...cpus),
    peakRssMb: Math.max(...samples.map((sample) => sample.peakRssMb)),
    exitCodes: [...new Set(samples.map((sample) => sample.code))],
  };
}

export const gnuTimeAvailable = hasGnuTime;
