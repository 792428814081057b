import { generateTrace, type Sample } from '../../src/core';
import type { CatalogueDevice } from '../../src/devices/buttplug-sim/catalogue';
import type { ButtplugSimServer } from '../../src/devices/buttplug-sim/server';
import type { RunningServer } from '../../src/server/start-server';
import { sleep } from './scene-setup';

/**
 * Pressure through the simulated Buttplug server into a live scene, and the scene times at which
 * each reading reached the scene's detector: what a test needs to measure the live path's
 * latency in scene time rather than by the wall clock.
 */

/** No catalogue device both vibrates and reports pressure (the KGoal Boost only senses). */
export const SENSING_PLUG: CatalogueDevice = {
  name: 'Redline Test Plug',
  protocol: 'lovense',
  features: [
    { index: 0, output: { Vibrate: { value: [0, 20] } } },
    { index: 1, input: { Pressure: { value: [0, 4095], command: ['Subscribe'] } } },
  ],
};
export const PLUG_PRESSURE = { device: 0, feature: 1 } as const;

export type OrgasmTrace = Readonly<{
  /** From `leadMs` before the first contraction to the end of the orgasm. */
  samples: readonly Sample[];
  /** The first contraction's onset, in the trace's time. */
  onsetMs: number;
}>;

/** A regular series of contractions with no artifacts, as the sensor-scene test uses. */
export function orgasmTrace(sampleRateHz: number, leadMs: number, seed = 7): OrgasmTrace {
  const trace = generateTrace(
    {
      sampleRateHz,
      durationMs: 40_000,
      heartRate: false,
      orgasm: { regularSeries: true, intensity: 'intense', at_ms: 12_000 },
      artifacts: { 'motor-start': 0, 'power-jump': 0, clench: 0, movement: 0, gap: 0 },
    },
    seed,
  );
  const label = trace.labels.find((l) => l.type === 'orgasm');
  if (label?.type !== 'orgasm') throw new Error('the trace has an orgasm');
  return {
    samples: trace.samples.filter((s) => s.t_ms >= label.t_ms - leadMs && s.t_ms <= label.end_ms),
    onsetMs: label.t_ms,
  };
}

export type Arrival = Readonly<{ value: number; at: number }>;

/**
 * Records every pressure reading of the scene's devices as the scene stamped it (its view's
 * `pressure`, read right after the registry's own listener fed it: listeners run in the order
 * they were added, and the scene's was added when it was created).
 */
export function watchArrivals(server: RunningServer, sceneId: string) {
  const arrivals: Arrival[] = [];
  const stop = server.hub.adapter.on((event) => {
    if (event.type !== 'reading' || event.kind !== 'pressure') return;
    const pressure = server.registry.get(sceneId)?.view().pressure;
    if (pressure?.value === event.value) arrivals.push(pressure);
  });
  return { arrivals, stop };
}

/**
 * Feeds the samples in real time, one every `everyMs`: each tick sends the sample due now (late
 * ticks skip samples rather than stretch the rhythm, since the scene stamps readings with its
 * own clock). Stops early when `done()` says so. Returns the samples sent, in order.
 */
export async function feedTrace(
  sim: ButtplugSimServer,
  samples: readonly Sample[],
  everyMs: number,
  done: () => boolean = () => false,
): Promise<Sample[]> {
  const fed: Sample[] = [];
  const from = Date.now();
  let lastIndex = -1;
  while (!done()) {
    const index = Math.floor((Date.now() - from) / everyMs);
    const sample = samples[index];
    if (sample === undefined) break;
    if (index !== lastIndex) {
      sim.setInput(
        PLUG_PRESSURE.device,
        PLUG_PRESSURE.feature,
        'Pressure',
        Math.round(sample.pressure),
      );
      fed.push(sample);
      lastIndex = index;
    }
    await sleep(everyMs / 4);
  }
  return fed;
}

export type LiveLatency = Readonly<{
  /** Scene time at which the sample with the first contraction's onset reached the scene. */
  onsetAt: number;
  /** `orgasm.detected`'s time minus `onsetAt`: the live latency, in scene time. */
  sceneMs: number;
  /** The trace time of the last sample the detector had when it decided, minus the onset. */
  traceMs: number;
}>;

/**
 * Pairs each fed sample with its arrival (one reading per sample, in order, values checked) and
 * measures the detection at `detectedAt` (scene time) against the trace's onset.
 */
export function liveLatency(
  fed: readonly Sample[],
  arrivals: readonly Arrival[],
  onsetMs: number,
  detectedAt: number,
): LiveLatency {
  const pairs = fed.slice(0, arrivals.length).map((sample, i) => {
    const arrival = arrivals[i];
    if (arrival === undefined || arrival.value !== Math.round(sample.pressure))
      throw new Error(`reading ${i} does not match the sample fed (${JSON.stringify(arrival)})`);
    return { t: sample.t_ms, at: arrival.at };
  });
  const onset = pairs.find((p) => p.t >= onsetMs);
  const seen = pairs.filter((p) => p.at <= detectedAt).at(-1);
  if (onset === undefined || seen === undefined)
    throw new Error('the onset never reached the scene before the detection');
  return { onsetAt: onset.at, sceneMs: detectedAt - onset.at, traceMs: seen.t - onsetMs };
}
