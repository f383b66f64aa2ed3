import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { interpolateCompose, rangeOfNode, type ComposeService } from '../src/model/compose.js';
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

function scalarText(node: unknown): string | null {
  return isScalar(node) && node.value != null ? String(node.value) : null;
}

/** Why the service seems to need a GPU, or null. */
export function gpuSignal(project: Project, service: ComposeService): string | null {
  if (service.image && isGpuImage(service.image)) return `its image "${service.image}" is a GPU image`;
  for (const target of project.buildTargets) {
    if (target.service !== service) continue;
    const stage = targetStage(target.dockerfile, target.target);
    // Walk stage references down to the external base image.
    let current = stage;
    for (let hops = 0; current && current.from.stageRef !== null && hops < 50; hops++) current = target.dockerfile.stages[current.from.stageRef];
    if (current && !current.from.isScratch && current.from.unresolvedVariables.length === 0 && isGpuImage(current.from.image)) {
      return `it builds on the GPU image "${current.from.image}"`;
    }
  }
  if (scalarText(service.get('runtime')) === 'nvidia') return 'it sets `runtime: nvidia`';
  const environment = service.get('environment');
  if (isMap(environment) && (environment as YAMLMap).has('NVIDIA_VISIBLE_DEVICES')) return 'it sets NVIDIA_VISIBLE_DEVICES';
  if (isSeq(environment) && environment.items.some((item) => /^NVIDIA_VISIBLE_DEVICES(=|$)/.test(scalarText(item) ?? ''))) return 'it sets NVIDIA_VISIBLE_DEVICES';
  return null;
}

/** The items of `deploy.resources.reservations.devices`. */
export function deviceReservations(service: ComposeService): Node[] {
  const deploy = service.get('deploy');
  if (!isMap(deploy)) return [];
  const devices = (deploy as YAMLMap).getIn(['resources', 'reservations', 'devices'], true);
  return isSeq(devices) ? (devices.items as Node[]) : [];
}

export interface DeviceInfo {
  node: Node;
  driver: string | null;
  capabilities: string[];
}

export function deviceInfo(node: Node, environment: Record<string, string>): DeviceInfo {
  if (!isMap(node)) return { node, driver: null, capabilities: [] };
  const map = node as YAMLMap;
  const driverText = scalarText(map.get('driver', true));
  const capabilitiesNode = map.get('capabilities', true);
  const capabilities = isSeq(capabilitiesNode)
    ? capabilitiesNode.items.flatMap((item) => (isSeq(item) ? item.items : [item])).map((item) => scalarText(item)).filter((text): text is string => text !== null)
    : [];
  return { node, driver: driverText === null ? null : interpolateCompose(driverText, environment).value, capabilities };
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
  if (!isMap(device.node) || !service.node) return undefined;
  const file = service.compose.file;
  const map = device.node as YAMLMap;
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
    for (const compose of context.project.composeFiles) {
      for (const service of compose.services) {
        const signal = gpuSignal(context.project, service);
        if (!signal) continue;
        if (acceptGpus && service.get('gpus')) continue;
        const devices = deviceReservations(service).map((node) => deviceInfo(node, compose.environment));
        if (devices.some((device) => device.driver === 'nvidia' && device.capabilities.includes('gpu'))) continue;
        const gpuDevice = devices.find(isGpuDevice);
        const candidate = gpuDevice ?? devices[0];
        if (candidate) {
          const problems: string[] = [];
          if (candidate.driver !== 'nvidia') problems.push(candidate.driver ? `driver is "${candidate.driver}", not "nvidia"` : 'it has no `driver: nvidia`');
          if (!candidate.capabilities.includes('gpu')) problems.push('its `capabilities` do not include `gpu`');
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, candidate.node),
            message: `Service "${service.name}" needs a GPU (${signal}) but its device reservation is incomplete: ${problems.join(' and ')}.`,
            fix: gpuDevice ? completionFix(service, gpuDevice) : reservationFix(service),
          });
          continue;
        }
        context.report({
          file: compose.file,
          range: rangeOfNode(compose.file, service.keyNode),
          message: `Service "${service.name}" needs a GPU (${signal}) but reserves none; add \`deploy.resources.reservations.devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]\`.`,
          fix: reservationFix(service),
        });
      }
    }
  },
};

export default rule;
