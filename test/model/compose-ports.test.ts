import { describe, expect, it } from 'vitest';
import { addressesOverlap, parsePortSpec } from '../../src/model/compose-ports.js';

describe('parsePortSpec', () => {
  it.each([
    ['80', { hostIp: '', host: null, container: { start: 80, end: 80 }, protocol: 'tcp' }],
    ['8080:80', { hostIp: '', host: { start: 8080, end: 8080 }, container: { start: 80, end: 80 }, protocol: 'tcp' }],
    ['127.0.0.1:8080:80/udp', { hostIp: '127.0.0.1', host: { start: 8080, end: 8080 }, container: { start: 80, end: 80 }, protocol: 'udp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', host: null, container: { start: 80, end: 80 }, protocol: 'tcp' }],
    ['8000-8010:8000-8010', { hostIp: '', host: { start: 8000, end: 8010 }, container: { start: 8000, end: 8010 }, protocol: 'tcp' }],
    ['[::1]:6000:6000', { hostIp: '::1', host: { start: 6000, end: 6000 }, container: { start: 6000, end: 6000 }, protocol: 'tcp' }],
    ['::1:6000:6000', { hostIp: '::1', host: { start: 6000, end: 6000 }, container: { start: 6000, end: 6000 }, protocol: 'tcp' }],
    ['0.0.0.0:53:53/UDP', { hostIp: '0.0.0.0', host: { start: 53, end: 53 }, container: { start: 53, end: 53 }, protocol: 'udp' }],
  ])('%s', (text, expected) => {
    expect(parsePortSpec(text)).toEqual(expected);
  });

  it.each(['', 'http', '80:', '70000:80', '90-80:90-80', '[::1:80:80'])('rejects %j', (text) => {
    expect(parsePortSpec(text)).toBeNull();
  });

  it('addresses overlap when equal or when one is every address', () => {
    expect(addressesOverlap('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(addressesOverlap('', '127.0.0.1')).toBe(true);
    expect(addressesOverlap('0.0.0.0', '10.0.0.2')).toBe(true);
    expect(addressesOverlap('127.0.0.1', '127.0.0.2')).toBe(false);
  });
});
