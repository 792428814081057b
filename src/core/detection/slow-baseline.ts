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
  return new Baseline();
}

/** A class, not a closure: its numbers change at every grid point (see `createNoiseFloor`). */
class Baseline implements SlowBaseline {
  private readonly blocks: number[] = [];
  /** The same block means, kept in order as they come and go (no sort, no copy, per block). */
  private readonly sorted: number[] = [];
  private blockEnd: number | undefined = undefined;
  private sum = 0;
  private count = 0;
  private current: number | undefined = undefined;

  push(t: number, value: number): void {
    const blockEnd = (this.blockEnd ??= t + BLOCK_MS);
    if (t >= blockEnd) {
      if (this.count > 0) {
        const { blocks, sorted } = this;
        const mean = this.sum / this.count;
        blocks.push(mean);
        insertSorted(sorted, mean);
        if (blocks.length > WINDOW_BLOCKS) removeSorted(sorted, blocks.shift() ?? mean);
        this.current = sorted[Math.floor(QUANTILE * (sorted.length - 1))];
      }
      this.sum = 0;
      this.count = 0;
      this.blockEnd = Math.max(blockEnd + BLOCK_MS, t + 1);
    }
    this.sum += value;
    this.count += 1;
  }

  level(): number | undefined {
    return this.blocks.length >= READY_BLOCKS ? this.current : undefined;
  }

  reset(): void {
    this.blocks.length = 0;
    this.sorted.length = 0;
    this.blockEnd = undefined;
    this.sum = 0;
    this.count = 0;
    this.current = undefined;
  }
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
