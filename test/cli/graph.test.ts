import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { builtinRules } from '../../rules/index.js';

// Runs the built CLI. Golden files live in test/golden/graph/; UPDATE_GOLDEN=1 rewrites them.
const root = path.resolve(import.meta.dirname, '../..');
const seeds = path.join(root, 'fixtures/seeds-project');
const golden = path.join(root, 'test/golden/graph');
const graph = (args: string[], cwd = seeds) => {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/docker-policy.js'), 'graph', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const matchesGolden = (name: string, actual: string) => {
  const file = path.join(golden, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
};

describe('docker-policy graph', () => {
  it('draws the comfyui-like machine Dockerfile with its compose targets and marks worker-builder as the dead end (Mermaid)', () => {
    const { code, stdout, stderr } = graph(['machine/Dockerfile', '--compose', 'compose.yaml']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    matchesGolden('machine-compose.mmd', stdout);
    expect(stdout).toContain('stage_worker_builder -.->|DEAD END| unused');
    expect(stdout).toMatch(/^ {4}class stage_worker_builder deadEnd$/m);
    expect(stdout).toContain('stage_comfyui -->|compose target| service_comfyui_1');
  });

  it('without a compose file, stages only compose builds are dead ends too, and says so', () => {
    const { code, stdout, stderr } = graph(['machine/Dockerfile']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {4}class stage_worker_builder,stage_comfyui deadEnd$/m);
    expect(stderr).toContain('--compose');
  });

  it('a compose file draws every Dockerfile its services build, with the build-only base service feeding its image (DOT)', () => {
    const { code, stdout } = graph(['compose.yaml', '--format', 'dot']);
    expect(code).toBe(0);
    matchesGolden('seeds-compose.dot', stdout);
    expect(stdout).toContain('service_base -> image_crucible_base_1_0 [label="builds image", style=dashed];');
    expect(stdout).toMatch(/stage_machine_worker_builder \[label="worker-builder\\n\(dead end\)"/);
  });

  it('JSON carries the whole graph', () => {
    const { code, stdout } = graph(['compose.yaml', '--format', 'json']);
    expect(code).toBe(0);
    matchesGolden('seeds-compose.json', stdout);
    const parsed = JSON.parse(stdout) as { stages: { label: string; dockerfile: string; deadEnd: boolean }[]; services: { name: string; stageId: string | null }[] };
    expect(parsed.stages.filter((stage) => stage.deadEnd).map((stage) => `${stage.dockerfile}:${stage.label}`)).toEqual(['machine/Dockerfile:worker-builder']);
    expect(parsed.services.find((service) => service.name === 'playwright')!.stageId).toBeNull();
  });

  it('--markdown writes a document section: the Mermaid graph and a stage table with purposes from the comments above FROM', () => {
    const { code, stdout } = graph(['machine/Dockerfile', '--compose', 'compose.yaml', '--markdown']);
    expect(code).toBe(0);
    matchesGolden('machine.md', stdout);
    expect(stdout).toContain('```mermaid\ngraph TD');
    expect(stdout).toContain('| `worker-builder` | `node-builder` | Validates the worker bundles. | ❌ dead end: nothing uses it | — |');
    expect(stdout).toContain('| `comfyui` | `comfyui-base` | Local ComfyUI with the service manager. | — | `comfyui-1`, `basic-comfyui` |');
  });

  it('follows RUN --mount=from and COPY --from (stages and images), reads the allow list from the config, and skips suppression comments in purposes', () => {
    const { code, stdout } = graph(['Dockerfile', '--format', 'json'], path.join(golden, 'mounts'));
    expect(code).toBe(0);
    matchesGolden('mounts.json', stdout);
    const parsed = JSON.parse(stdout) as { stages: { label: string; deadEnd: boolean; purpose: string | null; base: string }[]; edges: { from: string; to: string; kind: string }[] };
    expect(parsed.stages.filter((stage) => stage.deadEnd).map((stage) => stage.label)).toEqual(['debug-tools']);
    expect(parsed.stages.find((stage) => stage.label === 'toolchain')!.base).toBe('golang:1.23-alpine');
    expect(parsed.stages.find((stage) => stage.label === 'build')!.purpose).toBe('Compiles the binary with the module cache mounted from the toolchain stage.');
    expect(parsed.edges).toContainEqual({ from: 'stage_toolchain', to: 'stage_build', kind: 'RUN --mount' });
    expect(parsed.edges).toContainEqual({ from: 'image_gcr_io_distroless_static_debian12_nonroot', to: 'stage_4', kind: 'COPY --from' });
    matchesGolden('mounts.mmd', graph(['Dockerfile'], path.join(golden, 'mounts')).stdout);
  });

  it('draws a reference through build args (FROM base-${TARGETARCH}, COPY --from=build-${VARIANT}) as dashed edges from each stage it may name', () => {
    const dir = path.join(golden, 'build-args');
    const { code, stdout } = graph(['Dockerfile', '--format', 'json'], dir);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { images: { image: string }[]; stages: { label: string; deadEnd: boolean; base: string; usedBy: { stageId: string; how: string }[] }[]; edges: { from: string; to: string; kind: string; via?: string }[] };
    // No image node for the stage reference, and only the stage nothing can name is a dead end.
    expect(parsed.images.map((image) => image.image)).toEqual(['alpine:3.20', 'scratch']);
    expect(parsed.stages.filter((stage) => stage.deadEnd).map((stage) => stage.label)).toEqual(['leftover']);
    expect(parsed.stages.find((stage) => stage.label === 'base')!.base).toBe('base-${TARGETARCH}');
    expect(parsed.edges.filter((edge) => edge.via)).toEqual([
      { from: 'stage_base_amd64', to: 'stage_base', kind: 'FROM', via: 'base-${TARGETARCH}' },
      { from: 'stage_base_arm64', to: 'stage_base', kind: 'FROM', via: 'base-${TARGETARCH}' },
      { from: 'stage_build_cpu', to: 'stage_6', kind: 'COPY --from', via: 'build-${VARIANT}' },
      { from: 'stage_build_gpu', to: 'stage_6', kind: 'COPY --from', via: 'build-${VARIANT}' },
    ]);
    expect(parsed.stages.find((stage) => stage.label === 'base-arm64')!.usedBy).toEqual([{ stageId: 'stage_base', how: 'FROM', line: 9 }]);
    matchesGolden('build-args.mmd', graph(['Dockerfile'], dir).stdout);
    matchesGolden('build-args.dot', graph(['Dockerfile', '--format', 'dot'], dir).stdout);
  });

  it('marks exactly the stages the unused-stage rule reports', async () => {
    const result = await lint({ cwd: seeds, paths: ['.'], rules: builtinRules });
    const reported = result.findings.filter((finding) => finding.ruleId === 'unused-stage').map((finding) => `${finding.file}:${finding.line}`);
    const parsed = JSON.parse(graph(['compose.yaml', '--format', 'json']).stdout) as { stages: { dockerfile: string; line: number; deadEnd: boolean }[] };
    expect(parsed.stages.filter((stage) => stage.deadEnd).map((stage) => `${stage.dockerfile}:${stage.line}`)).toEqual(reported);
  });

  it('exits 2 for a missing file and for a directory without a Dockerfile or compose file', () => {
    expect(graph(['nope/Dockerfile']).code).toBe(2);
    const empty = graph([], path.join(root, 'test/golden'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no Dockerfile or compose file');
  });
});
