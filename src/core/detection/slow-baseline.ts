/**
 * The resting level of the pressure: the 25th percentile of 250 ms block means over the last
 * 8 s. Low enough to sit under contractions and clenches (they fill less than three quarters of
 * any 8 s), quick enough to follow drift, the arousal build-up and output steps within seconds.
 */
const BLOCK_MS = 250;
const WINDOW_BLOCKS = 32;
const QUANTILE = 0.25;

export type SlowBaseline = Readonly<{
  push(t_ms: number, value: number): void;
  /** Undefined until 4 s of blocks are in (after the start or a reset). */
  level(): number | undefined;
  reset(): void;
}>;

const READY_BLOCKS = 16;

export function createSlowBaseline(): SlowBaseline {
  const blocks: number[] = [];
  let blockEnd: number | undefined;
  let sum = 0;
  let count = 0;
  let current: number | undefined;

  return {
    push(t, value) {
      blockEnd ??= t + BLOCK_MS;
      if (t >= blockEnd) {
        if (count > 0) {
          blocks.push(sum / count);
          if (blocks.length > WINDOW_BLOCKS) blocks.shift();
          const sorted = [...blocks].sort((x, y) => x - y);
          current = sorted[Math.floor(QUANTILE * (sorted.length - 1))];
        }
        sum = 0;
        count = 0;
        blockEnd = Math.max(blockEnd + BLOCK_MS, t + 1);
      }
      sum += value;
      count += 1;
    },
    level: () => (blocks.length >= READY_BLOCKS ? current : undefined),
    reset() {
      blocks.length = 0;
      blockEnd = undefined;
      sum = 0;
      count = 0;
      current = undefined;
    },
  };
}
