import rule from '../../rules/gpu-unneeded.js';
import { testRule } from '../helpers/rule-tester.js';

const reservation = '    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              capabilities: [gpu]\n';

testRule(rule, {
  valid: [
    { name: 'cuda image', files: { 'compose.yaml': `services:\n  pose:\n    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04\n${reservation}` } },
    { name: 'no reservation', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'built from cuda base', files: { 'compose.yaml': `services:\n  pose:\n    build: ./pose\n${reservation}`, 'pose/Dockerfile': 'FROM nvidia/cuda:12.4.1-devel-ubuntu22.04\n' } },
    { name: 'env signal', files: { 'compose.yaml': `services:\n  pose:\n    image: app:1\n    environment:\n      NVIDIA_VISIBLE_DEVICES: all\n${reservation}` } },
  ],
  invalid: [
    { name: 'nginx with GPU', files: { 'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n${reservation}` }, errors: [{ line: 8, message: 'no sign' }] },
    { name: 'built from python', files: { 'compose.yaml': `services:\n  api:\n    build: ./api\n${reservation}`, 'api/Dockerfile': 'FROM python:3.12-slim\n' }, errors: [{ file: 'compose.yaml', line: 8 }] },
    { name: 'capabilities only', files: { 'compose.yaml': 'services:\n  web:\n    image: node:20\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: [gpu]\n' }, errors: [{ line: 8 }] },
  ],
});
