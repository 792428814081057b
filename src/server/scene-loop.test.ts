import { describe, expect, it } from 'vitest';
import type { GovernedLevel, SceneEvent } from '../core';
import type { DevicePort } from '../devices/port';
import { created, pairAgreement } from '../../test/fixtures/agreements';
import { createMemoryEventLog, type EventLog } from './event-log';
import { createSceneLoop, type StepReport } from './scene-loop';

/** Records every port call, in one shared order, so tests can see what came first. */
function recorder() {
  const calls: string[] = [];
  const devices: DevicePort = {
    stopAll: () => calls.push('stopAll'),
    setOutput: (device: string, feature: string, value: GovernedLevel) =>
      calls.push(`set ${device}/${feature}=${value}`),
  };
  const memory = createMemoryEventLog();
  const log: EventLog = {
    append(event) {
      calls.push(`log ${event.type}`);
      memory.append(event);
    },
  };
  return { calls, devices, log, memory };
}

const beat = (at: number): SceneEvent => ({ type: 'panel.heartbeat', at, by: 'submissive' });
const ticks = (from: number, to: number, every: number): SceneEvent[] =>
  Array.from({ length: Math.floor((to - from) / every) + 1 }, (_, i) => ({
    type: 'tick',
    at: from + i * every,
  }));

/** A scene in warm-up with the wand running. */
function running() {
  const r = recorder();
  const createdEvent = created(pairAgreement);
  const later: (() => void)[] = [];
  const loop = createSceneLoop(createdEvent, { ...r, defer: (fn) => later.push(fn) });
  loop.dispatch(beat(0));
  loop.dispatch({ type: 'scene.start', at: 0, by: 'dominant' });
  loop.dispatch({
    type: 'intensity.requested',
    at: 0,
    by: 'dominant',
    device: 'wand',
    feature: 'vibrate',
    value: 0.3,
  });
  for (const tick of ticks(1000, 4000, 1000)) loop.dispatch(tick);
  return { loop, later, ...r };
}

describe('createSceneLoop', () => {
  it('logs scene.created first, then every dispatched event in order (S7)', () => {
    const { memory, loop } = running();
    expect(memory.events().map((e) => e.type)).toEqual([
      'scene.created',
      'panel.heartbeat',
      'scene.start',
      'intensity.requested',
      'tick',
      'tick',
      'tick',
      'tick',
    ]);
    expect(loop.state.phase).toBe('warm-up');
  });

  it('sends governed outputs to the devices', () => {
    const { calls } = running();
    expect(calls).toContain('set wand/vibrate=0.05');
  });

  it('S1: a stopping step calls stopAll before any setOutput, the log or a listener', () => {
    const { loop, calls } = running();
    const heard: StepReport[] = [];
    loop.subscribe((report) => {
      calls.push('listener');
      heard.push(report);
    });
    calls.length = 0;
    const effects = loop.dispatch({ type: 'safeword', at: 4500, by: 'submissive', word: 'red' });
    expect(calls[0]).toBe('stopAll');
    expect(calls.slice(1, -2).every((c) => c.startsWith('set '))).toBe(true);
    expect(calls.slice(-2)).toEqual(['log safeword', 'listener']);
    expect(effects[0]).toMatchObject({ type: 'stop-all', reason: 'stop' });
    expect(heard[0]?.effects).toBe(effects);
    expect(loop.state.stop).toMatchObject({ cause: 'red', by: 'submissive' });
  });

  it('S1: a red reaches the devices before the core folds it, and only once', () => {
    const { loop, calls } = running();
    const devicesBefore: string[] = [];
    // The scene still holds its pre-red state when stopAll is called: the stop came first.
    const { devices } = recorder();
    const probe = createSceneLoop(created(pairAgreement), {
      devices: {
        ...devices,
        stopAll: () => devicesBefore.push(`stopAll while ${probe.state.phase}`),
      },
      log: createMemoryEventLog(),
    });
    probe.dispatch(beat(0));
    probe.dispatch({ type: 'scene.start', at: 0, by: 'dominant' });
    probe.dispatch({ type: 'safeword', at: 100, by: 'submissive', word: 'red' });
    expect(devicesBefore).toEqual(['stopAll while warm-up']);
    calls.length = 0;
    loop.dispatch({ type: 'checkin.answered', at: 4500, by: 'submissive', answer: 'red' });
    expect(calls.filter((c) => c === 'stopAll')).toHaveLength(1);
    expect(calls[0]).toBe('stopAll');
  });

  it('S1: a panel gone silent stops the scene, stopAll first', () => {
    const { loop, calls } = running();
    calls.length = 0;
    // The last heartbeat was at 0 and the timeout is 5 s: the panel counts as lost at 5000.
    loop.dispatch({ type: 'tick', at: 6000 });
    expect(calls[0]).toBe('stopAll');
    expect(loop.state.stop).toMatchObject({ cause: 'panel-lost', at: 5000 });
  });

  it('S1: a pause (missed check-in, agreed as pause) calls stopAll first too', () => {
    const { loop, calls } = running();
    // Check-ins come every 45 s with 10 s to answer; keep the panel alive and do not answer.
    for (let at = 4500; at <= 60_000; at += 1000) {
      calls.length = 0;
      const effects = loop.dispatch(beat(at));
      const paused = effects.find((e) => e.type === 'paused');
      if (paused !== undefined) {
        expect(paused.at).toBe(55_000);
        expect(calls[0]).toBe('stopAll');
        expect(effects[0]).toMatchObject({ type: 'stop-all', reason: 'pause' });
        expect(loop.state.stop).toBeNull();
        return;
      }
    }
    expect.unreachable('the missed check-in never paused the scene');
  });

  it('S1: the stop reaches the devices even if storage then fails', () => {
    const r = recorder();
    const createdEvent = created(pairAgreement);
    let failing = false;
    const log: EventLog = {
      append(event) {
        if (failing) throw new Error('disk full');
        r.log.append(event);
      },
    };
    const loop = createSceneLoop(createdEvent, { devices: r.devices, log });
    loop.dispatch(beat(0));
    loop.dispatch({ type: 'scene.start', at: 0, by: 'dominant' });
    failing = true;
    expect(() => loop.dispatch({ type: 'consent.withdrawn', at: 10, by: 'dominant' })).toThrow(
      'disk full',
    );
    expect(r.calls).toContain('stopAll');
  });

  it('S5: if the core throws, the loop stops every device and keeps the last good state', () => {
    const { loop, calls } = running();
    const before = loop.state;
    calls.length = 0;
    const malformed = { type: 'no.such.event', at: 5000, by: 'dominant' } as unknown as SceneEvent;
    expect(() => loop.dispatch(malformed)).toThrow();
    expect(calls).toEqual(['stopAll']);
    expect(loop.state).toBe(before);
  });

  it('stops telling a listener that unsubscribed', () => {
    const { loop } = running();
    const heard: StepReport[] = [];
    const unsubscribe = loop.subscribe((r) => heard.push(r));
    loop.dispatch({ type: 'tick', at: 4100 });
    unsubscribe();
    loop.dispatch({ type: 'tick', at: 4200 });
    expect(heard.map((r) => r.event.at)).toEqual([4100]);
  });

  it('S7: a loop restored from its stored events has the same state, without re-sending anything', () => {
    const { loop, memory } = running();
    const [first, ...rest] = memory.events();
    if (first?.type !== 'scene.created') throw new Error('the log starts with scene.created');
    const again = recorder();
    const restored = createSceneLoop(first, again, rest);
    expect(restored.state).toEqual(loop.state);
    expect(again.calls).toEqual([]);
    restored.dispatch({ type: 'safeword', at: 4500, by: 'submissive', word: 'red' });
    expect(again.calls).toEqual(['stopAll', 'set wand/vibrate=0', 'log safeword']);
  });

  describe('submit, the live entry', () => {
    it('S1: a red reaches the devices at once; its fold waits for the yield, with later events behind it in order', () => {
      const { loop, calls, later, memory } = running();
      calls.length = 0;
      loop.submit({ type: 'safeword', at: 4500, by: 'submissive', word: 'red' });
      expect(calls).toEqual(['stopAll']);
      expect(loop.state.stop).toBeNull();
      expect(loop.stopPending).toBe(true);
      loop.submit({ type: 'tick', at: 4600 });
      expect(calls).toEqual(['stopAll']);
      expect(later).toHaveLength(1);
      later[0]?.();
      expect(loop.stopPending).toBe(false);
      expect(loop.state.stop).toMatchObject({ cause: 'red', by: 'submissive', at: 4500 });
      expect(calls.filter((c) => c === 'stopAll')).toHaveLength(1);
      expect(calls.filter((c) => c.startsWith('log '))).toEqual(['log safeword', 'log tick']);
      expect(memory.events().at(-1)).toMatchObject({ type: 'tick', at: 4600 });
    });

    it('S1: a red queued behind another event is sent to the devices at once too', () => {
      const { loop, calls, later } = running();
      loop.submit({ type: 'consent.withdrawn', at: 4500, by: 'dominant' });
      calls.length = 0;
      loop.submit({ type: 'checkin.answered', at: 4501, by: 'submissive', answer: 'red' });
      expect(calls).toEqual(['stopAll']);
      later[0]?.();
      expect(loop.state.stop).toMatchObject({ cause: 'withdrawn', by: 'dominant' });
    });

    it('S7: a dispatch after a submit folds what waits first, keeping the order', () => {
      const { loop, calls } = running();
      loop.submit({ type: 'safeword', at: 4500, by: 'submissive', word: 'red' });
      calls.length = 0;
      loop.dispatch({ type: 'tick', at: 4600 });
      expect(calls.filter((c) => c.startsWith('log '))).toEqual(['log safeword', 'log tick']);
      expect(loop.stopPending).toBe(false);
    });

    it('folds any other event at once, and flush() folds what waits', () => {
      const { loop, calls, later } = running();
      calls.length = 0;
      loop.submit({ type: 'tick', at: 4100 });
      expect(calls.at(-1)).toBe('log tick');
      expect(later).toHaveLength(0);
      loop.submit({ type: 'safeword', at: 4200, by: 'dominant', word: 'red' });
      loop.flush();
      expect(loop.state.stop).toMatchObject({ cause: 'red', by: 'dominant' });
      later[0]?.(); // the deferred flush finds nothing left
      expect(calls.filter((c) => c === 'log safeword')).toHaveLength(1);
    });
  });
});
