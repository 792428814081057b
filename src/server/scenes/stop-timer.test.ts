import { describe, expect, it } from 'vitest';
import type { StopConfirmation } from '../../devices/adapter';
import type { GovernedLevel } from '../../core';
import { createStopTimer } from './stop-timer';

function setup(send?: () => Promise<StopConfirmation>) {
  const calls: string[] = [];
  let now = 0;
  const timer = createStopTimer({
    devices: {
      stopAll: () => calls.push('stopAll'),
      setOutput: (d, f, v) => calls.push(`set ${d}/${f} ${v}`),
    },
    send:
      send === undefined
        ? undefined
        : () => {
            calls.push('send');
            return send();
          },
    now: () => now,
  });
  return { timer, calls, advance: (ms: number) => (now += ms) };
}

describe('the stop timer', () => {
  it('[S1] sends the stop through the confirming path at once, timed from the request', async () => {
    let confirm: (r: StopConfirmation) => void = () => undefined;
    const s = setup(() => new Promise((resolve) => (confirm = resolve)));
    s.timer.entering(() => {
      s.advance(2);
      s.timer.port.stopAll();
      expect(s.calls).toEqual(['send']);
    });
    const last = s.timer.takeLast();
    expect(s.timer.takeLast()).toBeNull();
    s.advance(3);
    confirm({ ok: true });
    expect(await last).toBe(5);
  });

  it('gives no timing for a stop the device side did not confirm', async () => {
    const s = setup(() => Promise.resolve({ ok: false, error: 'no reply' }));
    s.timer.port.stopAll();
    expect(await s.timer.takeLast()).toBeNull();
  });

  it('[S1] falls back to the plain stop when the confirming path throws', () => {
    const s = setup(() => {
      throw new Error('broken');
    });
    s.timer.port.stopAll();
    expect(s.calls).toEqual(['send', 'stopAll']);
    expect(s.timer.takeLast()).toBeNull();
  });

  it('without a confirming path, is the bare port', () => {
    const s = setup();
    s.timer.port.stopAll();
    s.timer.port.setOutput('lush', 'vibrate', 0.5 as GovernedLevel);
    expect(s.calls).toEqual(['stopAll', 'set lush/vibrate 0.5']);
    expect(s.timer.takeLast()).toBeNull();
  });
});
