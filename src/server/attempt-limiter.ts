/**
 * Counts failed attempts (a wrong pairing code, a wrong secret) per source and refuses further
 * tries once too many failed within a window: guessing a short code becomes hopeless while a
 * person who mistyped once is not locked out for long. Success is never counted.
 */
export type AttemptLimiter = Readonly<{
  /** Ms until this source may try again; 0 if it may now. */
  retryAfter(source: string): number;
  failed(source: string): void;
}>;

export function createAttemptLimiter(options: {
  max: number;
  windowMs: number;
  now?: () => number;
}): AttemptLimiter {
  const now = options.now ?? (() => Date.now());
  const failures = new Map<string, number[]>();
  const recent = (source: string) => {
    const since = now() - options.windowMs;
    const kept = (failures.get(source) ?? []).filter((t) => t > since);
    if (kept.length === 0) failures.delete(source);
    else failures.set(source, kept);
    return kept;
  };
  return {
    retryAfter(source) {
      const kept = recent(source);
      if (kept.length < options.max) return 0;
      const oldest = kept[kept.length - options.max] ?? now();
      return Math.max(1, oldest + options.windowMs - now());
    },
    failed(source) {
      const kept = recent(source);
      kept.push(now());
      // Bounded memory even under a flood from one source.
      failures.set(source, kept.slice(-options.max));
    },
  };
}
