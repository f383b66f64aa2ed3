import { composeProjectsOf } from '../src/model/compose-queries.js';
import { rangeOfOrigin } from '../src/model/compose-tree.js';
import type { Rule } from '../src/engine/types.js';
import { deviceInfo, deviceReservations, gpuSignal, isGpuDevice } from './gpu-reservation.js';

const rule: Rule = {
  meta: {
    id: 'gpu-unneeded',
    description: 'A service that reserves a GPU should show a sign of needing one (a CUDA/GPU image or base image, `runtime: nvidia`, NVIDIA_VISIBLE_DEVICES).',
    severity: 'warning',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'A GPU reservation on a service that does not use one blocks the GPU for the services that do, and makes the stack fail to start on machines without the NVIDIA Container Toolkit. It is usually a copy-paste from the GPU service.',
      bad: {
        filename: 'compose.yaml',
        code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              capabilities: [gpu]\n',
      },
      good: { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n' },
      notes: 'The signals are those of `gpu-reservation`. A service built from a generic base image that installs CUDA wheels itself (`pip install torch`) shows no signal: suppress the finding there or base the image on `nvidia/cuda`.',
    },
  },
  check(context) {
    for (const project of composeProjectsOf(context.project)) {
      for (const service of project.services) {
        const gpuDevices = deviceReservations(service).map(deviceInfo).filter(isGpuDevice);
        if (!gpuDevices.length) continue;
        if (gpuSignal(context.project, service)) continue;
        context.report({
          file: gpuDevices[0]!.origin.file,
          range: rangeOfOrigin(gpuDevices[0]!.origin),
          message: `Service "${service.name}" reserves a GPU but shows no sign of using one (no CUDA/GPU image or base image, no \`runtime: nvidia\`, no NVIDIA_VISIBLE_DEVICES); remove the reservation or base the image on a CUDA image.`,
        });
      }
    }
  },
};

export default rule;
