// The human-readable report of a benchmark run (the numbers themselves go to results.json).
import { MAX_ARGV_CHARS } from './peers.mjs';
import { formatTable, ratio, round } from './table.mjs';

const TARGETS = { compose: { peer: 'dclint', factor: 5 }, dockerfile: { peer: 'dockerfilelint', factor: 3 } };
const MEMORY_TARGET_MB = 300;
const seconds = (ms) => round(ms / 1000);
const perSecond = (files, ms) => (ms > 0 ? round(files / (ms / 1000)) : null);

export function printReport(results) {
  const { machine, sections, peers, errors } = results;
  const out = [
    `docker-policy benchmark, ${machine.date.slice(0, 16).replace('T', ' ')} UTC${results.options.quick ? ' (--quick)' : ''}`,
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd?.[0] ?? '?'} at end`,
  ];
  if (sections.cold) out.push('', ...coldReport(sections.cold));
  if (sections.corpus) out.push('', ...corpusReport(sections.corpus, results.options.corpus));
  if (sections.monorepo) out.push('', ...monorepoReport(sections.monorepo));
  if (sections.lsp) out.push('', ...lspReport(sections.lsp));
  out.push('', ...footer(peers, machine));
  for (const [section, message] of Object.entries(errors)) out.push(`NOT MEASURED (${section}): ${message}`);
  return `${out.join('\n')}\n`;
}

function coldReport(rows) {
  const lines = [`(a) Cold single-file check: whole process, ${rows[0]?.runs ?? 0} runs each, tools interleaved`];
  lines.push(formatTable(['tool', 'file', 'median ms', 'min ms', 'median CPU ms', 'peak MB', 'exit'], rows.map((row) => [row.tool, row.file, round(row.medianWallMs), round(row.minWallMs), round(row.medianCpuMs), round(row.peakRssMb), row.exitCodes.join('/')])));
  for (const kind of ['dockerfile', 'compose']) {
    const ours = rows.find((row) => row.tool === 'docker-policy' && row.kind === kind);
    const peer = rows.find((row) => row.tool !== 'docker-policy' && row.kind === kind);
    if (ours && peer) lines.push(`  ${kind}: ${peer.tool} median ÷ docker-policy median = ${ratio(peer.medianWallMs, ours.medianWallMs) ?? '–'} (above 1× docker-policy is faster)`);
  }
  return lines;
}

function corpusReport(rows, corpus) {
  const lines = [`(b) Real-world corpus ${corpus}: best of ${rows[0]?.runs ?? 0} runs; a file a peer crashes on is left out for both tools`];
  lines.push(
    formatTable(
      ['tool', 'kind', 'files', 'invocations', 'wall s', 'files/s', 'CPU s', 'files/CPU-s', 'peak MB', 'crashed on', 'non-zero exits'],
      rows.map((row) => [row.variant ? `${row.tool} ${row.variant}` : row.tool, row.kind, row.files, row.invocations, seconds(row.wallMs), perSecond(row.files, row.wallMs), seconds(row.cpuMs), perSecond(row.files, row.cpuMs), round(row.peakRssMb), row.crashedFiles ? row.crashedFiles.length : row.crashedInvocations ? `${row.crashedInvocations} runs` : 0, row.nonZeroExits]),
    ),
  );
  for (const [kind, target] of Object.entries(TARGETS)) {
    const peer = rows.find((row) => row.tool === target.peer && row.kind === kind);
    if (!peer) continue;
    const verdict = (factor) => (factor >= target.factor ? 'met' : 'NOT met');
    for (const ours of rows.filter((row) => row.tool === 'docker-policy' && row.kind === kind)) {
      const byWall = peer.wallMs / ours.wallMs;
      const byCpu = peer.cpuMs / ours.cpuMs;
      const name = ours.variant ? `docker-policy ${ours.variant}` : 'docker-policy';
      lines.push(`  per ${kind === 'compose' ? 'compose file' : 'Dockerfile'}: ${name} is ${ratio(peer.wallMs, ours.wallMs)} as fast as ${target.peer} by wall time (target ≥ ${target.factor}×: ${verdict(byWall)}), ${ratio(peer.cpuMs, ours.cpuMs)} by CPU time (${verdict(byCpu)})`);
    }
  }
  for (const row of rows) for (const crash of row.crashedFiles ?? []) lines.push(`  ${row.tool} crashed on ${crash.file} (exit ${crash.exitCode}): ${crash.message}`);
  return lines;
}

function monorepoReport(rows) {
  const lines = [`(c) Synthetic monorepo (generated, seed fixed): docker-policy check . at each size, best of the runs`];
  lines.push(
    formatTable(
      ['size', 'files checked', 'Dockerfiles', 'compose', '.dockerignore', 'scripts', 'wall s', 'CPU s', 'peak MB', 'largest process MB', 'ms/file', 'CPU ms/file'],
      rows.map((row) => [`${Math.round(row.fraction * 100)}%`, row.filesChecked, row.generated.dockerfiles, row.generated.compose, row.generated.dockerignore, row.generated.scripts, seconds(row.wallMs), seconds(row.cpuMs), round(row.peakRssMb), round(row.largestProcessRssMb), round(row.msPerFile), round(row.cpuMsPerFile)]),
    ),
  );
  const smallest = rows[0];
  const largest = rows[rows.length - 1];
  if (smallest && largest && smallest !== largest) {
    lines.push(`  linearity: ms per file at ${Math.round(largest.fraction * 100)}% ÷ at ${Math.round(smallest.fraction * 100)}% = ${round(largest.msPerFile / smallest.msPerFile)} by wall, ${round(largest.cpuMsPerFile / smallest.cpuMsPerFile)} by CPU (1 = linear)`);
  }
  const peak = Math.max(...rows.map((row) => row.peakRssMb));
  lines.push(`  peak memory of the process tree (docker-policy and its ShellCheck children) ${round(peak)} MB; target < ${MEMORY_TARGET_MB} MB ${peak < MEMORY_TARGET_MB ? 'met' : 'NOT met'}`);
  for (const row of rows) if (row.nonZeroExits && row.crashedInvocations) lines.push(`  ${Math.round(row.fraction * 100)}%: docker-policy reported path or internal errors (exit 2)`);
  return lines;
}

function lspReport(lsp) {
  return [
    `(d) LSP re-check latency (bench/lsp-latency.mjs): didChange → publishDiagnostics on a ${lsp.dockerfileLines}-line Dockerfile in a ${lsp.services}-service repository (${lsp.files} files)`,
    formatTable(['first lint ms', 'edits', 'median ms', 'p90 ms', 'min ms', 'max ms'], [[lsp.firstLintMs, lsp.edits, lsp.medianMs, lsp.p90Ms, lsp.minMs, lsp.maxMs]]),
  ];
}

function footer(peers, machine) {
  const lines = ['How each tool was run:'];
  lines.push(`  docker-policy (this checkout, bin/docker-policy.js): node bin/docker-policy.js check FILE for cold runs; check --format json FILES… (or .) for throughput`);
  for (const peer of peers) {
    if (peer.error) lines.push(`  ${peer.name}: NOT RUN, ${peer.error}`);
    else lines.push(`  ${peer.name} ${peer.version}: ${peer.command}`);
  }
  lines.push(`  many files per invocation (arguments up to ${MAX_ARGV_CHARS.toLocaleString('en')} characters each); a peer's files are screened first by splitting failed invocations until the crashing file stands alone`);
  lines.push(`  docker-policy checking a compose file also reads the Dockerfiles its build contexts name (its compose rules use them); the peers read only the files given`);
  lines.push(`  peak memory: ${machine.peakMemorySource}; CPU = user + sys`);
  return lines;
}
