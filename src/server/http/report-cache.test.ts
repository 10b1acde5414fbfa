import { describe, expect, it } from 'vitest';
import { reportCache } from './report-cache.js';

const counter = () => {
  let n = 0;
  return { load: async () => ++n, calls: () => n };
};

describe('report cache', () => {
  it('shares one load between callers at the same moment, even when nothing is kept afterwards', async () => {
    const c = reportCache(0);
    const { load, calls } = counter();
    const [a, b] = await Promise.all([c.get('k', load), c.get('k', load)]);
    expect([a, b]).toEqual([1, 1]);
    expect(await c.get('k', load)).toBe(2);
    expect(calls()).toBe(2);
  });

  it('keeps a value for its time, per key, and forgets everything on invalidate', async () => {
    const c = reportCache(30);
    const { load, calls } = counter();
    expect(await c.get('a', load)).toBe(1);
    expect(await c.get('a', load)).toBe(1);
    expect(await c.get('b', load)).toBe(2);
    c.invalidate();
    expect(await c.get('a', load)).toBe(3);
    expect(calls()).toBe(3);
  });

  it('does not hand a load begun before a write to a caller after it, nor keep a failure', async () => {
    const c = reportCache(30);
    let release!: (v: number) => void;
    const first = c.get('k', () => new Promise<number>((r) => (release = r)));
    c.invalidate();
    const second = c.get('k', async () => 2);
    release(1);
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    await expect(c.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.get('x', async () => 5)).toBe(5);
  });
});
