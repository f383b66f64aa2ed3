import rule from '../../rules/gpu-reservation.js';
import { testRule } from '../helpers/rule-tester.js';

const reservation = (driver: string, caps: string) => `    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: ${driver}\n              count: 1\n              capabilities: [${caps}]\n`;

testRule(rule, {
  valid: [
    { name: 'reserved', files: { 'compose.yaml': `services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n${reservation('nvidia', 'gpu')}` } },
    { name: 'no GPU signal', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'gpus field accepted', files: { 'compose.yaml': 'services:\n  ml:\n    image: pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime\n    gpus: all\n' } },
    { name: 'pytorch cpu image', files: { 'compose.yaml': 'services:\n  ml:\n    image: pytorch/pytorch:2.3.0\n' } },
    {
      name: 'reservation in the override file',
      files: {
        'compose.yaml': 'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n',
        'compose.override.yaml': 'services:\n  pose:\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              capabilities: [gpu]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'cuda image, no reservation',
      files: { 'compose.yaml': 'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    runtime: nvidia   # legacy\n\n  # the web front\n  web:\n    image: nginx:1.27\n' },
      errors: [{ line: 2, column: 3, message: 'reserves none' }],
      output: `services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    runtime: nvidia   # legacy\n${reservation('nvidia', 'gpu')}\n  # the web front\n  web:\n    image: nginx:1.27\n`,
    },
    {
      name: 'merges into an existing deploy block',
      files: { 'compose.yaml': 'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    deploy:\n      replicas: 1\n      resources:\n        limits:\n          memory: 4g\n    ports: ["8080:8080"]\n' },
      errors: [{ line: 2, column: 3 }],
      output:
        'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    deploy:\n      replicas: 1\n      resources:\n        limits:\n          memory: 4g\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n    ports: ["8080:8080"]\n',
    },
    {
      name: 'appends a GPU to a device list without one',
      files: { 'compose.yaml': 'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    deploy:\n      resources:\n        reservations:\n          devices:\n          - driver: tpu\n            count: 1\n' },
      errors: [{ line: 8, message: 'driver is "tpu"' }],
      output:
        'services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n    deploy:\n      resources:\n        reservations:\n          devices:\n          - driver: tpu\n            count: 1\n          - driver: nvidia\n            count: 1\n            capabilities: [gpu]\n',
    },
    {
      name: 'flow-style service',
      files: { 'compose.yaml': 'services:\n  pose: {image: "nvidia/cuda:12.4.1-runtime-ubuntu22.04"}\n' },
      errors: [{ line: 2, column: 3 }],
      output: 'services:\n  pose: {image: "nvidia/cuda:12.4.1-runtime-ubuntu22.04", deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}}\n',
    },
    { name: 'built from cuda base', files: { 'compose.yaml': 'services:\n  pose:\n    build: ./pose\n', 'pose/Dockerfile': 'FROM nvcr.io/nvidia/pytorch:24.01-py3 AS base\nFROM base\n' }, errors: [{ file: 'compose.yaml', line: 2 }] },
    {
      name: 'wrong capabilities',
      files: { 'compose.yaml': `services:\n  pose:\n    image: tensorflow/tensorflow:2.15.0-gpu\n${reservation('nvidia', 'compute')}` },
      errors: [{ line: 8, message: 'capabilities' }],
      output: `services:\n  pose:\n    image: tensorflow/tensorflow:2.15.0-gpu\n${reservation('nvidia', 'compute, gpu')}`,
    },
    {
      name: 'no driver',
      files: { 'compose.yaml': 'services:\n  pose:\n    image: tensorflow/tensorflow:2.15.0-gpu\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: [gpu]\n' },
      errors: [{ line: 8, message: 'no `driver: nvidia`' }],
      output: 'services:\n  pose:\n    image: tensorflow/tensorflow:2.15.0-gpu\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: [gpu]\n              driver: nvidia\n',
    },
    { name: 'env signal, wrong driver', files: { 'compose.yaml': `services:\n  pose:\n    image: app:1\n    environment:\n      - NVIDIA_VISIBLE_DEVICES=all\n${reservation('amd', 'gpu')}` }, errors: [{ line: 10, message: 'driver' }], output: null },
    { name: 'gpus field refused by option', options: { acceptGpusField: false }, files: { 'compose.yaml': 'services:\n  ml:\n    image: nvidia/cuda:12.4.1-base-ubuntu22.04\n    gpus: all\n' }, errors: [{ line: 2 }] },
  ],
});
