/**
 * A window of time-stamped numbers, oldest first, held in two rings of numbers rather than as an
 * object per point. A detector keeps a few hundred points per scene for seconds at a time: as
 * objects (with their numbers boxed) that was about a thousand heap objects per scene, every one
 * of them outliving the young generation and walked by every full garbage collection.
 */
export type Series = Readonly<{
  /** How many points it holds. */
  length(): number;
  /** The time of point `i`, counted from the oldest (0). `i` must be below `length()`. */
  t(i: number): number;
  /** The value of point `i`, counted from the oldest (0). */
  v(i: number): number;
  push(t: number, v: number): void;
  /** Drops the oldest point, if any. */
  shift(): void;
  /** Keeps only the points `keep` says yes to, in their order. */
  retain(keep: (t: number, v: number) => boolean): void;
  clear(): void;
}>;

const FIRST_CAPACITY = 64;

export function createSeries(): Series {
  let times = new Float64Array(FIRST_CAPACITY);
  let values = new Float64Array(FIRST_CAPACITY);
  /** Capacity − 1: capacities are powers of two, so an index wraps with one `&`. */
  let mask = FIRST_CAPACITY - 1;
  let head = 0;
  let size = 0;

  const grow = () => {
    const capacity = times.length * 2;
    const t = new Float64Array(capacity);
    const v = new Float64Array(capacity);
    for (let i = 0; i < size; i++) {
      t[i] = times[(head + i) & mask] ?? 0;
      v[i] = values[(head + i) & mask] ?? 0;
    }
    times = t;
    values = v;
    mask = capacity - 1;
    head = 0;
  };

  return {
    length: () => size,
    t: (i) => times[(head + i) & mask] ?? 0,
    v: (i) => values[(head + i) & mask] ?? 0,
    push(t, v) {
      if (size === times.length) grow();
      const at = (head + size) & mask;
      times[at] = t;
      values[at] = v;
      size += 1;
    },
    shift() {
      if (size === 0) return;
      head = (head + 1) & mask;
      size -= 1;
    },
    retain(keep) {
      let kept = 0;
      for (let i = 0; i < size; i++) {
        const from = (head + i) & mask;
        const t = times[from] ?? 0;
        const v = values[from] ?? 0;
        if (!keep(t, v)) continue;
        const to = (head + kept) & mask;
        times[to] = t;
        values[to] = v;
        kept += 1;
      }
      size = kept;
    },
    clear() {
      head = 0;
      size = 0;
    },
  };
}
