import { describe, expect, it } from 'vitest';
import { createPlotBuffer } from './plot-buffer';

const sample = (t: number, r: number, a: number) => ({
  t,
  requested: { 'wand/v': r },
  applied: { 'wand/v': a },
});

describe('createPlotBuffer', () => {
  it('gives uPlot columns: x, then requested and applied per key', () => {
    const b = createPlotBuffer(10);
    b.push(sample(0, 0.5, 0));
    b.push(sample(1000, 0.5, 0.05));
    expect(b.columns(['wand/v'])).toEqual([
      [0, 1000],
      [0.5, 0.5],
      [0, 0.05],
    ]);
  });

  it('stays bounded: the oldest samples go first', () => {
    const b = createPlotBuffer(3, 1e9);
    for (let t = 0; t < 10; t++) b.push(sample(t, t / 10, 0));
    expect(b.size()).toBe(3);
    expect(b.columns(['wand/v'])[0]).toEqual([7, 8, 9]);
  });

  it('shows only the window before the newest sample', () => {
    const b = createPlotBuffer(100, 2000);
    for (let t = 0; t <= 5000; t += 1000) b.push(sample(t, 0, 0));
    expect(b.columns([])[0]).toEqual([3000, 4000, 5000]);
  });

  it('replaces a sample at the same moment and starts afresh when time goes back', () => {
    const b = createPlotBuffer(10);
    b.push(sample(1000, 0.1, 0));
    b.push(sample(1000, 0.2, 0));
    expect(b.columns(['wand/v'])[1]).toEqual([0.2]);
    b.push(sample(500, 0.3, 0));
    expect(b.columns(['wand/v'])).toEqual([[500], [0.3], [0]]);
  });

  it('leaves gaps for outputs a sample does not know', () => {
    const b = createPlotBuffer(10);
    b.push({ t: 0, requested: {}, applied: {} });
    expect(b.columns(['x/y'])).toEqual([[0], [null], [null]]);
  });

  it('refuses a capacity below one', () => {
    expect(() => createPlotBuffer(0)).toThrow();
  });
});
