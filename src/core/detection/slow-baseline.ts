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
  /** The same block means, kept in order as they come and go (no sort, no copy, per block). */
  const sorted: number[] = [];
  let blockEnd: number | undefined;
  let sum = 0;
  let count = 0;
  let current: number | undefined;

  return {
    push(t, value) {
      blockEnd ??= t + BLOCK_MS;
      if (t >= blockEnd) {
        if (count > 0) {
          const mean = sum / count;
          blocks.push(mean);
          insertSorted(sorted, mean);
          if (blocks.length > WINDOW_BLOCKS) removeSorted(sorted, blocks.shift() ?? mean);
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
      sorted.length = 0;
      blockEnd = undefined;
      sum = 0;
      count = 0;
      current = undefined;
    },
  };
}

/** The first index in ascending `sorted` whose value is not below `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? value) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted(sorted: number[], value: number): void {
  const at = lowerBound(sorted, value);
  sorted.push(value);
  for (let i = sorted.length - 1; i > at; i--) sorted[i] = sorted[i - 1] ?? value;
  sorted[at] = value;
}

/** Removes one entry equal to `value` (it is there: every block mean went in once). */
function removeSorted(sorted: number[], value: number): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] !== value) throw new Error('slow baseline: a block left that never came');
  for (let i = at; i < sorted.length - 1; i++) sorted[i] = sorted[i + 1] ?? value;
  sorted.pop();
}
