import { describe, expect, it } from 'vitest';
import {
  answerFrame,
  bootMode,
  type SimClient,
  type SimDevice,
  type SimFirmware,
} from './sim-firmware';

function boot(firmware: SimFirmware = 'current') {
  const device: SimDevice = { firmware, mode: bootMode(firmware), motor: 0 };
  const client: SimClient = { streaming: false };
  const send = (message: unknown) => {
    const reply = answerFrame(JSON.stringify(message), device, client);
    return reply === undefined ? undefined : (JSON.parse(reply) as unknown);
  };
  return { device, client, send };
}

describe('the simulated firmware (current)', () => {
  it('starts in automatic mode with the motor off', () => {
    expect(boot().device).toMatchObject({ mode: 'AUTOMATIC', motor: 0 });
  });

  it('switches mode without regard to case and echoes the mode it is in', () => {
    const { device, send } = boot();
    expect(send({ setMode: 'manual' })).toEqual({ setMode: { mode: 'MANUAL' } });
    expect(device.mode).toBe('MANUAL');
    expect(send({ setMode: 'sideways' })).toEqual({ setMode: { errno: 1 } });
    expect(device.mode).toBe('MANUAL');
  });

  it('setMotor enters manual mode itself and echoes the speed', () => {
    const { device, send } = boot();
    expect(send({ setMotor: 128 })).toEqual({ setMotor: { mode: 'MANUAL', speed: 128 } });
    expect(send({ setMotor: 0 })).toEqual({ setMotor: { speed: 0 } });
    expect(device.motor).toBe(0);
  });

  it('refuses a speed outside 0–255 or not whole, and keeps the motor where it was', () => {
    const { device, send } = boot();
    send({ setMotor: 40 });
    for (const bad of [256, -1, 12.5, '12', null]) {
      expect(send({ setMotor: bad })).toEqual({ setMotor: { errno: 1 } });
    }
    expect(device.motor).toBe(40);
  });

  it('starts streaming on streamReadings; answers only when given a nonce', () => {
    const { client, send } = boot();
    expect(send({ streamReadings: null })).toBeUndefined();
    expect(client.streaming).toBe(true);
    expect(send({ streamReadings: { nonce: 9 } })).toEqual({ streamReadings: { nonce: 9 } });
  });

  it('answers an unknown command with NOT IMPLEMENTED, and a non-JSON frame with an error', () => {
    const { device } = boot();
    const client = { streaming: false };
    expect(JSON.parse(answerFrame('{"vibrate":1}', device, client) ?? '')).toEqual({
      vibrate: { error: 'NOT IMPLEMENTED' },
    });
    expect(JSON.parse(answerFrame('{oops', device, client) ?? '')).toEqual({ error: '{oops' });
    expect(answerFrame('[1,2]', device, client)).toBeUndefined();
  });
});

describe('the simulated firmware (early)', () => {
  it('knows only MANUAL_CONTROL, says nothing on success, refuses setMotor outside manual mode', () => {
    const { device, send } = boot('early');
    expect(device.mode).toBe('AUTOMAITC_CONTROL');
    expect(send({ setMotor: 10 })).toEqual({ setMotor: { errno: -1 } });
    expect(send({ setMode: 'manual' })).toEqual({ setMode: { errno: 1 } });
    expect(send({ setMode: 'MANUAL_CONTROL' })).toBeUndefined();
    expect(send({ setMotor: 10 })).toBeUndefined();
    expect(device).toMatchObject({ mode: 'MANUAL_CONTROL', motor: 10 });
  });
});
