import { describe, expect, it } from 'vitest';
import { TtlCache } from './portal.cache.ts';

const later = <V>(value: V, ms = 5) => new Promise<V>((resolve) => setTimeout(() => resolve(value), ms));

describe('TtlCache', () => {
  it('computes a key once while it lives, and again once it expired', async () => {
    const cache = new TtlCache<number>(1_000, 10);
    let calls = 0;
    const make = () => later(++calls);
    const [a, b] = await Promise.all([cache.get('k', make, 0), cache.get('k', make, 10)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await cache.get('k', make, 999)).toBe(1);
    expect(await cache.get('k', make, 1_000)).toBe(2);
  });

  it('keeps no failure, and drops the oldest entries beyond its size', async () => {
    const cache = new TtlCache<string>(1_000, 2);
    await expect(cache.get('bad', () => Promise.reject(new Error('scan failed')), 0)).rejects.toThrow();
    expect(await cache.get('bad', () => later('ok'), 1)).toBe('ok');
    await cache.get('b', () => later('b'), 2);
    await cache.get('c', () => later('c'), 3);
    expect(await cache.get('bad', () => later('again'), 4)).toBe('again');
  });

  it('runs at most `concurrency` computations at once', async () => {
    const cache = new TtlCache<number>(1_000, 100, 2);
    let running = 0;
    let most = 0;
    const make = async () => {
      running++;
      most = Math.max(most, running);
      await later(0, 10);
      running--;
      return 1;
    };
    await Promise.all(Array.from({ length: 7 }, (_, i) => cache.get(`k${i}`, make)));
    expect(most).toBe(2);
  });
});
