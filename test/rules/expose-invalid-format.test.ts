import rule from '../../rules/expose-invalid-format.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ports, protocols and ranges', files: 'FROM node:20-slim\nEXPOSE 3000 9229/tcp 5353/udp 9000-9010\n' },
    { name: 'from a known ENV', files: 'FROM node:20-slim\nENV PORT=3000\nEXPOSE $PORT\n' },
    { name: 'unknown value', files: 'FROM node:20-slim\nARG PORT\nEXPOSE $PORT\n' },
  ],
  invalid: [
    { name: 'host:container', files: 'FROM node:20-slim\nEXPOSE 3000:3000\n', errors: [{ line: 2, column: 8, message: 'includes a host port: EXPOSE only declares container ports; write EXPOSE 3000' }] },
    { name: 'ip:host:container/proto', files: 'FROM node:20-slim\nEXPOSE 0.0.0.0:9229:9229/tcp\n', errors: [{ line: 2, column: 8, message: 'host IP and host port' }] },
    { name: 'not a port', files: 'FROM node:20-slim\nEXPOSE 80 http\n', errors: [{ line: 2, column: 11, message: 'is not a valid port' }] },
    { name: 'through an ARG default, over a continuation', files: 'FROM node:20-slim\nARG MAP=8080:80\nEXPOSE 443 \\\n  $MAP\n', errors: [{ line: 4, column: 3 }] },
  ],
});
