import { describe, expect, it } from 'vitest';
import { createEdgeOMaticAdapter } from './edge-o-matic-adapter';
import { connected, eventually, level, messagesOf, useAdapterKit } from './adapter-test-kit';

const { sim, adapterFor } = useAdapterKit();

/** A reading as the firmware would stream it, with the motor and mode a test chooses. */
const reading = (motor: number, runMode = 'MANUAL') =>
  JSON.stringify({
    readings: { pressure: 2000, pavg: 2000, arousal: 0, motor, millis: 1, runMode },
  });

/** A device that streams only what the test pushes, and an adapter that waits 300 ms for it. */
async function quietDevice() {
  const device = await sim({ readings: { pattern: false } });
  const messages = messagesOf(device);
  const { adapter, events } = adapterFor(device.url, {
    requestTimeoutMs: 300,
    readingsTimeoutMs: 5000,
    motorIntervalMs: 0,
  });
  await connected(adapter);
  adapter.setOutput('eom', 'motor', level(0.5));
  await eventually(() => {
    expect(device.motor()).toBe(127);
  });
  return { device, messages, adapter, events };
}

describe('confirmStop on the Edge-o-Matic (the set-up’s test stop)', () => {
  it('S1: writes motor 0 before it returns, then resolves ok on a reading that shows the motor at 0', async () => {
    const { device, messages, adapter } = await quietDevice();
    const confirming = adapter.confirmStop();
    // Anything sent after confirmStop returned follows its stop on the wire.
    adapter.setOutput('eom', 'motor', level(0.25));
    await eventually(() => {
      expect(messages.slice(-2)).toEqual([{ setMotor: 0 }, { setMotor: 63 }]);
    });
    adapter.stopAll();
    await eventually(() => {
      expect(device.motor()).toBe(0);
    });
    // A reading from before the stop, still on its way, confirms nothing.
    device.sendRaw(reading(127));
    device.pushReading({});
    expect(await confirming).toStrictEqual({ ok: true });
  });

  it('resolves ok: false when no reading shows the motor at 0 within the request timeout', async () => {
    const { device, adapter } = await quietDevice();
    const confirming = adapter.confirmStop();
    device.sendRaw(reading(127));
    expect(await confirming).toStrictEqual({
      ok: false,
      error: 'the Edge-o-Matic did not report its motor at 0 within 300 ms',
    });
  });

  it('resolves ok: false when the device refuses the stop, or reports a mode where it drives its own motor', async () => {
    const { device, adapter } = await quietDevice();
    const refused = adapter.confirmStop();
    device.sendRaw('{"setMotor":{"errno":-1}}');
    expect(await refused).toStrictEqual({
      ok: false,
      error: 'the Edge-o-Matic refused setMotor (errno -1: refused)',
    });
    const automatic = adapter.confirmStop();
    device.sendRaw(reading(0, 'AUTOMATIC'));
    expect(await automatic).toStrictEqual({
      ok: false,
      error:
        'the Edge-o-Matic reports its motor at 0 but is in AUTOMATIC mode, where it drives its motor by itself',
    });
  });

  it('resolves ok: false when not connected, or when the adapter closes while it waits', async () => {
    const never = createEdgeOMaticAdapter({ url: 'ws://127.0.0.1:1/', now: () => 0 });
    expect(await never.confirmStop()).toStrictEqual({
      ok: false,
      error: 'not connected to the Edge-o-Matic',
    });
    const { adapter } = await quietDevice();
    const confirming = adapter.confirmStop();
    await adapter.close();
    expect(await confirming).toStrictEqual({
      ok: false,
      error: 'the adapter was closed before the stop was confirmed',
    });
  });
});
