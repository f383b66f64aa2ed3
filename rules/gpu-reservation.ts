import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ComposeService } from '../src/model/compose.js';
import type { ComposeProjectService } from '../src/model/compose-project.js';
import { composeProjectsOf, environmentNames } from '../src/model/compose-queries.js';
import { rangeOfOrigin, scalarText, type ComposeValue, type Origin } from '../src/model/compose-tree.js';
import { targetStage } from '../src/model/dockerfile.js';
import { parseImageRef } from '../src/model/image-ref.js';
import { appendItem, appendPairs, indentUnit, mergeInto, type YamlSource } from '../src/model/yaml-edits.js';
import type { Project } from '../src/model/project.js';
import type { Fix, Rule, TextEdit } from '../src/engine/types.js';

/** Does an image reference look like a CUDA / GPU image? */
export function isGpuImage(image: string): boolean {
  const ref = parseImageRef(image);
  if (!ref) return false;
  const name = ref.name.toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  if (ref.registry === 'nvcr.io') return true;
  if (name === 'nvidia/cuda' || name.startsWith('nvidia/cuda')) return true;
  if (name === 'pytorch/pytorch' && tag.includes('cuda')) return true;
  if (name === 'tensorflow/tensorflow' && /-gpu/.test(tag)) return true;
  return false;
}

/** Why the service seems to need a GPU, or null. */
export function gpuSignal(project: Project, service: ComposeProjectService): string | null {
  if (service.image && isGpuImage(service.image)) return `its image "${service.image}" is a GPU image`;
  for (const target of project.buildTargets) {
    if (target.composeService !== service) continue;
    const stage = targetStage(target.dockerfile, target.target);
    // Walk stage references down to the external base image.
    let current = stage;
    for (let hops = 0; current && current.from.stageRef !== null && hops < 50; hops++) current = target.dockerfile.stages[current.from.stageRef];
    if (current && !current.from.isScratch && current.from.unresolvedVariables.length === 0 && isGpuImage(current.from.image)) {
      return `it builds on the GPU image "${current.from.image}"`;
    }
  }
  if (scalarText(service.get('runtime')) === 'nvidia') return 'it sets `runtime: nvidia`';
  if (environmentNames(service).includes('NVIDIA_VISIBLE_DEVICES')) return 'it sets NVIDIA_VISIBLE_DEVICES';
  return null;
}

/** The items of `deploy.resources.reservations.devices`. */
export function deviceReservations(service: ComposeProjectService): ComposeValue[] {
  const devices = service.at(['deploy', 'resources', 'reservations', 'devices']);
  return devices?.kind === 'seq' ? devices.items : [];
}

export interface DeviceInfo {
  origin: Origin;
  driver: string | null;
  capabilities: string[];
}

export function deviceInfo(value: ComposeValue): DeviceInfo {
  if (value.kind !== 'map') return { origin: value.origin, driver: null, capabilities: [] };
  const capabilitiesValue = value.entries.get('capabilities')?.value;
  const capabilities = capabilitiesValue?.kind === 'seq'
    ? capabilitiesValue.items.flatMap((item) => (item.kind === 'seq' ? item.items : [item])).map(scalarText).filter((text): text is string => text !== null)
    : [];
  return { origin: value.origin, driver: scalarText(value.entries.get('driver')?.value), capabilities };
}

export function isGpuDevice(info: DeviceInfo): boolean {
  return info.driver === 'nvidia' || info.capabilities.includes('gpu');
}

const GPU_DEVICE = { driver: 'nvidia', count: '1', capabilities: ['gpu'] };

/** Add a GPU device reservation, merging into whatever part of `deploy.resources.reservations.devices` exists. */
function reservationFix(service: ComposeService): Fix | undefined {
  if (!service.node) return undefined;
  const file = service.compose.file;
  const edit = mergeInto(file, service.node, { deploy: { resources: { reservations: { devices: [GPU_DEVICE] } } } }, indentUnit(file, service.node, service.keyNode));
  return edit ? { description: 'Reserve an NVIDIA GPU', edits: [edit] } : undefined;
}

/** Complete a GPU device entry: add `driver: nvidia` when it has no driver and `gpu` to its capabilities. */
function completionFix(service: ComposeService, device: DeviceInfo): Fix | undefined {
  if (!isMap(device.origin.node) || !service.node || device.origin.file !== service.compose.file) return undefined;
  const file = service.compose.file;
  const map = device.origin.node as YAMLMap;
  const unit = indentUnit(file, service.node, service.keyNode);
  const pairs: Record<string, YamlSource> = {};
  const edits: TextEdit[] = [];
  if (device.driver === null) pairs.driver = 'nvidia';
  else if (device.driver !== 'nvidia') return undefined;
  if (!device.capabilities.includes('gpu')) {
    const capabilities = map.get('capabilities', true);
    if (!capabilities) pairs.capabilities = ['gpu'];
    else if (isSeq(capabilities) && capabilities.items.every(isScalar)) {
      const edit = appendItem(file, capabilities, 'gpu', unit);
      if (!edit) return undefined;
      edits.push(edit);
    } else return undefined;
  }
  if (Object.keys(pairs).length) {
    const edit = appendPairs(file, map, pairs, unit);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits.length ? { description: 'Complete the GPU device reservation', edits } : undefined;
}

const rule: Rule = {
  meta: {
    id: 'gpu-reservation',
    description: 'A service that needs a GPU must reserve one: `deploy.resources.reservations.devices` with `driver: nvidia` and `capabilities: [gpu]`.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    fixable: true,
    options: {
      schema: {
        type: 'object',
        properties: { acceptGpusField: { type: 'boolean', description: 'Accept the short `gpus:` service attribute as a reservation.' } },
        additionalProperties: false,
      },
      defaults: { acceptGpusField: true },
    },
    docs: {
      rationale:
        'A CUDA image without a device reservation starts fine and then runs on the CPU (or crashes with "no CUDA-capable device is detected"): compose only passes GPUs through when the service asks for them. `runtime: nvidia` and NVIDIA_VISIBLE_DEVICES are the legacy nvidia-docker way and are not enough with the current NVIDIA Container Toolkit.',
      bad: { filename: 'compose.yaml', code: 'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    runtime: nvidia\n' },
      good: {
        filename: 'compose.yaml',
        code: 'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n',
      },
      notes: 'GPU signals: the image or the base image of the built stage is `nvidia/cuda`, `nvcr.io/…`, `pytorch/pytorch:*cuda*` or `tensorflow/tensorflow:*-gpu*`; `runtime: nvidia`; `NVIDIA_VISIBLE_DEVICES` in `environment`. With `acceptGpusField` (default) the `gpus:` attribute counts as a reservation. The fix adds `deploy.resources.reservations.devices` with `driver: nvidia`, `count: 1` and `capabilities: [gpu]`, merging into the `deploy` block the service already has (or appending a device to an existing list), and completes a GPU device that lacks the driver or the `gpu` capability. See also `gpu-unneeded`.',
    },
  },
  check(context) {
    const acceptGpus = context.options.acceptGpusField !== false;
    for (const project of composeProjectsOf(context.project)) {
      for (const service of project.services) {
        const signal = gpuSignal(context.project, service);
        if (!signal) continue;
        if (acceptGpus && service.get('gpus')) continue;
        const devices = deviceReservations(service).map(deviceInfo);
        if (devices.some((device) => device.driver === 'nvidia' && device.capabilities.includes('gpu'))) continue;
        const gpuDevice = devices.find(isGpuDevice);
        // With override files a block written in one file can be replaced by another: only a service defined once gets a fix.
        const single = service.definitions.length === 1 ? service.definitions[0]! : null;
        const candidate = gpuDevice ?? devices[0];
        if (candidate) {
          const problems: string[] = [];
          if (candidate.driver !== 'nvidia') problems.push(candidate.driver ? `driver is "${candidate.driver}", not "nvidia"` : 'it has no `driver: nvidia`');
          if (!candidate.capabilities.includes('gpu')) problems.push('its `capabilities` do not include `gpu`');
          context.report({
            file: candidate.origin.file,
            range: rangeOfOrigin(candidate.origin),
            message: `Service "${service.name}" needs a GPU (${signal}) but its device reservation is incomplete: ${problems.join(' and ')}.`,
            fix: single ? (gpuDevice ? completionFix(single, gpuDevice) : reservationFix(single)) : undefined,
          });
          continue;
        }
        context.report({
          file: service.keyOrigin.file,
          range: rangeOfOrigin(service.keyOrigin),
          message: `Service "${service.name}" needs a GPU (${signal}) but reserves none; add \`deploy.resources.reservations.devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]\`.`,
          fix: single ? reservationFix(single) : undefined,
        });
      }
    }
  },
};

export default rule;
