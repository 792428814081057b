/** Where a scene's traces go for its history (the store's `history`, for one scene). */
export type SceneTraces = Readonly<{
  reading(reading: { at: number; kind: 'pressure' | 'heart-rate'; value: number }): void;
  stopTiming(timing: { at: number; reachedAfterMs: number }): void;
  /** Writes what the store side still holds back (readings are written in batches). */
  flush?(): void;
}>;

export type TraceRecorder = Readonly<{
  /** A pressure sample: the last one of each window is kept (the detector still gets them all). */
  pressure(at: number, value: number): void;
  heartRate(at: number, bpm: number): void;
  stopTiming(at: number, reachedAfterMs: number): void;
  /** Writes the pressure sample still waiting for its window to end (a stop, the end). */
  flush(): void;
}>;

/** At most one pressure reading per window: about 5 a second, plenty for a history plot. */
export const PRESSURE_WINDOW_MS = 200;

/**
 * Thins and writes a scene's readings and stop timings. Unlike its events (S7), a scene may run
 * without these: a write that fails is reported once and the scene goes on. The runtime calls
 * this only after a stop has gone out, so storage never delays one (S1).
 */
export function createTraceRecorder(options: {
  traces: SceneTraces | undefined;
  report(message: string): void;
  /** False once the scene is disposed (the store may be closing): nothing is written then. */
  live(): boolean;
}): TraceRecorder {
  const { traces } = options;
  /** The last sample of the open window, as numbers (50 a second per scene: no object each). */
  let pendingAt: number | null = null;
  let pendingValue = 0;
  let reported = false;
  const write = (what: string, run: (t: SceneTraces) => void) => {
    if (traces === undefined || !options.live()) return;
    try {
      run(traces);
    } catch (error) {
      if (reported) return;
      reported = true;
      options.report(
        `could not store ${what} for the scene's history; the scene goes on: ${(error as Error).message}`,
      );
    }
  };
  const writePending = () => {
    const at = pendingAt;
    const value = pendingValue;
    pendingAt = null;
    if (at !== null)
      write('a pressure reading', (t) => {
        t.reading({ at, kind: 'pressure', value });
      });
  };
  /** A stop or the end: the waiting sample, then whatever the store side still holds back. */
  const flush = () => {
    writePending();
    write('the readings', (t) => {
      t.flush?.();
    });
  };
  return {
    pressure(at, value) {
      const window = Math.floor(at / PRESSURE_WINDOW_MS);
      if (pendingAt !== null && Math.floor(pendingAt / PRESSURE_WINDOW_MS) !== window)
        writePending();
      pendingAt = at;
      pendingValue = value;
    },
    heartRate(at, bpm) {
      write('a heart-rate reading', (t) => {
        t.reading({ at, kind: 'heart-rate', value: bpm });
      });
    },
    stopTiming(at, reachedAfterMs) {
      write('how fast the stop reached the toys', (t) => {
        t.stopTiming({ at, reachedAfterMs });
      });
    },
    flush,
  };
}
