import type { GovernedLevel, SceneEvent } from '../src/core';
import type { DevicePort } from '../src/devices/port';
import { createSimulatedDevices } from '../src/devices/simulated/simulated-device';
import { createMemoryEventLog } from '../src/server/event-log';
import { createSceneLoop } from '../src/server/scene-loop';
import { created, devices } from '../test/fixtures/agreements';
import { summarize, type Summary } from './stats';

/**
 * S1 in-process: how long from a red reaching the scene loop to `stopAll()` being called on the
 * devices, and how long a whole stopping step takes (core step, device work, log append). The
 * network and the toy come on top; this is the part Redline's own code adds.
 */
export function stopLatency(scenes: number): { toStopAll: Summary; wholeStep: Summary } {
  const toStopAll: number[] = [];
  const wholeStep: number[] = [];
  for (let i = 0; i < scenes; i++) {
    const sim = createSimulatedDevices(devices);
    let stopAllAt = 0;
    const port: DevicePort = {
      stopAll() {
        stopAllAt = performance.now();
        sim.stopAll();
      },
      setOutput(device: string, feature: string, value: GovernedLevel) {
        sim.setOutput(device, feature, value);
      },
    };
    const loop = createSceneLoop(created(), { devices: port, log: createMemoryEventLog() });
    warmUpScene((e) => loop.dispatch(e), 60_000 + (i % 50) * 1000);
    const at = loop.state.now + 100;
    const red: SceneEvent = { type: 'safeword', at, by: 'submissive', word: 'red' };
    const start = performance.now();
    loop.dispatch(red);
    const end = performance.now();
    if (loop.state.stop?.cause !== 'red') throw new Error('the red did not stop the scene');
    toStopAll.push(stopAllAt - start);
    wholeStep.push(end - start);
  }
  return { toStopAll: summarize(toStopAll), wholeStep: summarize(wholeStep) };
}

/** Brings a scene into play with every output asked for at full, ticking every 100 ms. */
function warmUpScene(dispatch: (e: SceneEvent) => unknown, untilMs: number): void {
  dispatch({ type: 'panel.heartbeat', at: 0, by: 'submissive' });
  dispatch({ type: 'scene.start', at: 0, by: 'dominant' });
  for (const d of devices)
    for (const f of d.features)
      dispatch({
        type: 'intensity.requested',
        at: 0,
        by: 'dominant',
        device: d.id,
        feature: f.id,
        value: 1,
      });
  for (let t = 100; t <= untilMs; t += 100) {
    if (t % 1000 === 0) dispatch({ type: 'panel.heartbeat', at: t, by: 'submissive' });
    if (t % 30_000 === 0)
      dispatch({ type: 'checkin.answered', at: t, by: 'submissive', answer: 'green' });
    dispatch({ type: 'tick', at: t });
  }
}
