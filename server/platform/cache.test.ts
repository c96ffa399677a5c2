import { describe, expect, it } from 'vitest';
import { ttlCache } from './cache.js';

describe('ttlCache', () => {
  it('loads once per key within the time to live, again after it, and forgets failures', async () => {
    let t = 0;
    let loads = 0;
    const cache = ttlCache<number>(1000, 2, () => t);
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    t = 1500;
    expect(await cache.get('a', load)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await cache.get('b', load)).toBe(3);
    await cache.get('c', load); // evicts the oldest entry ('a') at the size limit
    expect(await cache.get('a', load)).toBe(5);
  });
});
