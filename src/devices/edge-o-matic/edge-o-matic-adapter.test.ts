import { describe, expect, it } from 'vitest';
import { connected, eventually, level, messagesOf, useAdapterKit } from './adapter-test-kit';

const { sim, adapterFor } = useAdapterKit();

describe('readings and frames from the device', () => {
  it('turns readings into reading events stamped with the adapter’s clock', async () => {
    const device = await sim({ readings: { pattern: false } });
    const { adapter, events } = adapterFor(device.url, {
      now: () => 1234,
      readingsTimeoutMs: 5000,
    });
    await connected(adapter);
    device.pushReading({ pressure: 1500, pavg: 1400, arousal: 42 });
    await eventually(() => {
      expect(events.filter((e) => e.type === 'reading')).toHaveLength(4);
    });
    const base = { type: 'reading', device: 'eom', at: 1234 };
    expect(events.filter((e) => e.type === 'reading')).toEqual([
      { ...base, sensor: 'pressure', kind: 'pressure', value: 1500 },
      { ...base, sensor: 'pressure-average', kind: 'pressure-average', value: 1400 },
      { ...base, sensor: 'arousal', kind: 'arousal', value: 42 },
      { ...base, sensor: 'motor', kind: 'motor', value: 0 },
    ]);
  });

  it('refuses bad frames with an error event each, and changes nothing', async () => {
    const device = await sim({ readings: { pattern: false } });
    const { adapter, events } = adapterFor(device.url, { readingsTimeoutMs: 5000 });
    await connected(adapter);
    adapter.setOutput('eom', 'motor', level(0.5));
    await eventually(() => {
      expect(device.motor()).toBe(127);
    });
    device.sendRaw('not json');
    device.sendRaw('[1]');
    device.sendRaw(
      JSON.stringify({ readings: { pressure: -5, pavg: 1, arousal: 1, motor: 0, millis: 1 } }),
    );
    await eventually(() => {
      expect(events.filter((e) => e.type === 'error')).toHaveLength(3);
    });
    expect(events.filter((e) => e.type !== 'error' && e.type !== 'devices')).toEqual([]);
    expect(device.motor()).toBe(127);
  });

  it('passes on the device’s own error replies as error events', async () => {
    const device = await sim();
    const { adapter, events } = adapterFor(device.url);
    await connected(adapter);
    device.sendRaw('{"setMotor":{"errno":-1}}');
    await eventually(() => {
      expect(events).toContainEqual({
        type: 'error',
        message: 'the Edge-o-Matic refused setMotor (errno -1: refused)',
      });
    });
  });

  it('S2: reports the device lost when it leaves manual mode, and back when it returns', async () => {
    const device = await sim({ readings: { intervalMs: 10 } });
    const { adapter, events } = adapterFor(device.url);
    await connected(adapter);
    device.setModeOnDevice('AUTOMATIC');
    await eventually(() => {
      expect(events.map((e) => e.type)).toContain('device-lost');
    });
    expect(events.find((e) => e.type === 'device-lost')).toEqual({
      type: 'device-lost',
      device: 'eom',
      reason:
        'the Edge-o-Matic left manual mode (it reports AUTOMATIC) and may drive its motor by itself',
    });
    device.setModeOnDevice('MANUAL');
    await eventually(() => {
      expect(events.filter((e) => e.type === 'devices')).toHaveLength(2);
    });
  });
});

describe('losing and finding the device', () => {
  it('reports a dropped connection, reconnects, and never restores the motor (S6)', async () => {
    const device = await sim();
    const { adapter, types } = adapterFor(device.url);
    await connected(adapter);
    adapter.setOutput('eom', 'motor', level(0.6));
    await eventually(() => {
      expect(device.motor()).toBe(153);
    });
    device.dropConnections();
    await eventually(() => {
      expect(types()).toContain('connection-lost');
    });
    // Levels that arrive while lost are not kept for later.
    adapter.setOutput('eom', 'motor', level(0.8));
    await eventually(() => {
      expect(types()).toContain('reconnected');
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(device.motor()).toBe(0);
    // The same level as before the loss is sent again: only the scene brings the motor back.
    adapter.setOutput('eom', 'motor', level(0.6));
    await eventually(() => {
      expect(device.motor()).toBe(153);
    });
  });

  it('reports the device lost when readings stop, then reconnects', async () => {
    const device = await sim({ readings: { pattern: false } });
    const { adapter, events, types } = adapterFor(device.url, { readingsTimeoutMs: 100 });
    await connected(adapter);
    await eventually(() => {
      expect(types()).toContain('connection-lost');
    });
    expect(events.find((e) => e.type === 'connection-lost')).toEqual({
      type: 'connection-lost',
      reason: 'no readings from the Edge-o-Matic for 100 ms',
    });
    await eventually(() => {
      expect(types()).toContain('reconnected');
    });
  });

  it('gives up reconnecting after a bounded number of attempts, with an error', async () => {
    const device = await sim();
    const { adapter, events } = adapterFor(device.url);
    await connected(adapter);
    await device.close();
    await eventually(() => {
      expect(events).toContainEqual({
        type: 'error',
        message:
          'gave up reconnecting to the Edge-o-Matic after 3 attempts; connect again when it is back',
      });
    });
    expect(events.filter((e) => e.type === 'connection-lost')).toHaveLength(1);
  });
});

describe('driving the motor', () => {
  it('S1: stopAll writes motor 0 at once, past the rate limit and the repeat check', async () => {
    const device = await sim();
    const messages = messagesOf(device);
    let now = 0;
    // Timers that never fire: whatever stopAll sends cannot depend on one.
    const frozen = { setTimeout: () => ({}), clearTimeout: () => undefined };
    const { adapter } = adapterFor(device.url, { now: () => now, timers: frozen });
    await connected(adapter);
    now = 1000;
    adapter.setOutput('eom', 'motor', level(0.5));
    adapter.setOutput('eom', 'motor', level(0.6));
    adapter.stopAll();
    adapter.stopAll();
    await eventually(() => {
      expect(messages.slice(3)).toEqual([{ setMotor: 127 }, { setMotor: 0 }, { setMotor: 0 }]);
    });
    expect(device.motor()).toBe(0);
  });

  it('sends no repeats and at most one motor command per interval', async () => {
    const device = await sim();
    const messages = messagesOf(device);
    const { adapter } = adapterFor(device.url, { motorIntervalMs: 40 });
    await connected(adapter);
    for (let i = 0; i < 20; i += 1) adapter.setOutput('eom', 'motor', level(0.5));
    for (let i = 1; i <= 20; i += 1) adapter.setOutput('eom', 'motor', level(i / 40));
    await eventually(() => {
      expect(device.motor()).toBe(127);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages.slice(3)).toEqual([{ setMotor: 127 }]);
  });

  it('close sends motor 0 first, then disconnects', async () => {
    const device = await sim();
    const messages = messagesOf(device);
    const { adapter } = adapterFor(device.url, { motorIntervalMs: 0 });
    await connected(adapter);
    adapter.setOutput('eom', 'motor', level(0.4));
    await eventually(() => {
      expect(device.motor()).toBe(102);
    });
    await adapter.close();
    expect(messages.at(-1)).toEqual({ setMotor: 0 });
    await eventually(() => {
      expect(device.clientCount()).toBe(0);
    });
  });

  it('throws for an output it does not have or a level outside 0–1 (broken invariants)', async () => {
    const device = await sim();
    const { adapter } = adapterFor(device.url);
    await connected(adapter);
    expect(() => {
      adapter.setOutput('eom', 'rotate', level(0.1));
    }).toThrow(/no output eom\/rotate/);
    expect(() => {
      adapter.setOutput('eom', 'motor', level(1.5));
    }).toThrow(/outside 0–1/);
  });
});
