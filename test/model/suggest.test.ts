import { describe, expect, it } from 'vitest';
import { closestMatch, typoDistance } from '../../src/model/suggest.js';

describe('typo suggestions', () => {
  it.each([
    ['PAHT', 'PATH', 1],
    ['buidl', 'build', 1],
    ['node_version', 'NODE_VERSION', 0],
    ['imgae', 'image', 1],
    ['ports', 'volumes', 5],
  ])('%s → %s is %i edits (a swap of neighbours counts once)', (a, b, distance) => {
    expect(typoDistance(a, b)).toBe(distance);
  });

  it('picks the nearest candidate within the limit, never the word itself', () => {
    expect(closestMatch('PAHT', ['PATH', 'HOME'], 1)).toBe('PATH');
    expect(closestMatch('buidl', ['build', 'image', 'builder'], 2)).toBe('build');
    expect(closestMatch('PATH', ['PATH'], 1)).toBeNull();
    expect(closestMatch('zzz', ['build', 'image'], 1)).toBeNull();
  });
});
