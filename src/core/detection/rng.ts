/**
 * A small seeded pseudo-random generator (mulberry32) for the core's simulations.
 *
 * Written here rather than taken from a library: it is a dozen lines, the core must stay pure
 * (no `Math.random`, no ambient state) and a trace must be reproducible from its seed forever,
 * which a dependency's algorithm change could silently break.
 */
export type Rng = Readonly<{
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform in [min, max). */
  uniform: (min: number, max: number) => number;
  /** Normal (Box–Muller). */
  normal: (mean?: number, sd?: number) => number;
  /** Integer uniform in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** One of `items`, uniformly. */
  pick: <T>(items: readonly T[]) => T;
}>;

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  let spare: number | undefined;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };

  const standardNormal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    // 1 - next() is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal: (mean = 0, sd = 1) => mean + sd * standardNormal(),
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
}
