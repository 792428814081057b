import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { connectRaw } from '../../../test/support/buttplug-raw-client';
import { untilEvent, useSimServers } from '../../../test/support/buttplug-sim-servers';
import type { OutputChange } from './device-set';
import { ERROR_CODE } from './protocol';
import { startButtplugSimServer } from './server';

/** Connections coming and going, ping, device and input changes, and the server's options. */
const start = useSimServers();

async function ready(options?: Parameters<typeof start>[0]) {
  const server = await start(options);
  const client = await connectRaw(server.url);
  await client.handshake();
  return { server, client };
}

const vibrate = (id: number, device: number, value: number) => ({
  OutputCmd: {
    Id: id,
    DeviceIndex: device,
    FeatureIndex: 0,
    Command: { Vibrate: { Value: value } },
  },
});

describe('the client going away', () => {
  it('S5: a disconnect without a stop brings every output to zero', async () => {
    const { server, client } = await ready();
    await client.request(vibrate(2, 0, 12));
    await client.request(vibrate(3, 1, 6));
    const changes: OutputChange[] = [];
    server.onOutput((c) => changes.push(c));
    const gone = untilEvent(server, 'client-disconnected');
    client.socket.terminate();
    await gone;
    expect(server.outputs().map((o) => o.value)).toEqual([0, 0, 0]);
    expect(changes.map((c) => [c.deviceIndex, c.previous, c.value, c.cause])).toEqual([
      [0, 12, 0, 'client-disconnected'],
      [1, 6, 0, 'client-disconnected'],
    ]);
  });

  it('serves one client at a time, and the next one after it leaves', async () => {
    const { server, client } = await ready();
    const second = await connectRaw(server.url);
    expect(await second.closed).toEqual({
      code: 1013,
      reason: 'Another client is connected to this server.',
    });
    await client.close();
    const third = await connectRaw(server.url);
    expect(await third.handshake()).toMatchObject({ ServerInfo: { Id: 1 } });
  });

  it('dropClient closes the connection and stops every device', async () => {
    const { server, client } = await ready();
    await client.request(vibrate(2, 0, 12));
    server.dropClient();
    expect((await client.closed).code).toBe(1001);
    expect(server.output(0, 0)?.value).toBe(0);
  });

  it('ignoreClient: frames arrive but are neither carried out nor answered, until it is lifted', async () => {
    const { server, client } = await ready();
    await client.request(vibrate(2, 0, 12));
    const seen: string[] = [];
    server.onFrame((f) => seen.push(f.text));
    server.ignoreClient(true);
    client.send([{ StopCmd: { Id: 3, Inputs: true, Outputs: true } }]);
    await expect(client.next(300)).rejects.toThrow(/no message/);
    expect(seen).toHaveLength(1);
    expect(server.output(0, 0)?.value).toBe(12);
    server.ignoreClient(false);
    expect(await client.request({ StopCmd: { Id: 4, Inputs: true, Outputs: true } })).toEqual({
      Ok: { Id: 4 },
    });
    expect(server.output(0, 0)?.value).toBe(0);
  });
});

describe('Ping', () => {
  it('is answered with Error ERROR_PING when MaxPingTime is 0, as Intiface does', async () => {
    const { client } = await ready();
    expect(await client.request({ Ping: { Id: 2 } })).toMatchObject({
      Error: { Id: 2, ErrorCode: ERROR_CODE.ping },
    });
  });

  it('S5: a missed ping stops every device, sends Error ERROR_PING and drops the client', async () => {
    const { server, client } = await ready({ maxPingTimeMs: 120 });
    await client.request(vibrate(2, 0, 12));
    for (let id = 3; id < 9; id++) {
      await sleep(40);
      expect(await client.request({ Ping: { Id: id } })).toEqual({ Ok: { Id: id } });
    }
    expect(server.output(0, 0)?.value).toBe(12);
    const error = await client.next(1000);
    expect(error).toMatchObject({ Error: { Id: 0, ErrorCode: ERROR_CODE.ping } });
    expect(server.output(0, 0)?.value).toBe(0);
    expect((await client.closed).code).toBe(1000);
  });

  it('does not run before the handshake', async () => {
    const server = await start({ maxPingTimeMs: 30 });
    const client = await connectRaw(server.url);
    await sleep(80);
    expect(await client.handshake()).toMatchObject({ ServerInfo: { MaxPingTime: 30 } });
  });
});

describe('devices coming and going', () => {
  it('sends the whole DeviceList again (Id 0) without a removed device; indexes are not reused', async () => {
    const { server, client } = await ready();
    await client.request(vibrate(2, 0, 12));
    expect(server.removeDevice(0)).toBe(true);
    const list = await client.next();
    expect(Object.keys((list as { DeviceList: { Devices: object } }).DeviceList.Devices)).toEqual([
      '1',
    ]);
    expect(list).toMatchObject({ DeviceList: { Id: 0 } });
    expect(server.removeDevice(0)).toBe(false);
    expect(server.addDevice('lovense max').index).toBe(2);
    expect(await client.next()).toMatchObject({
      DeviceList: {
        Id: 0,
        Devices: { 1: { DeviceName: 'Lovense Nora' }, 2: { DeviceName: 'Lovense Max' } },
      },
    });
    expect(await client.request(vibrate(3, 0, 1))).toMatchObject({
      Error: { Id: 3, ErrorCode: ERROR_CODE.device },
    });
  });

  it('answers StartScanning and StopScanning with Ok, then ScanningFinished', async () => {
    const { client } = await ready();
    expect(await client.request({ StartScanning: { Id: 2 } })).toEqual({ Ok: { Id: 2 } });
    expect(await client.request({ StopScanning: { Id: 3 } })).toEqual({ Ok: { Id: 3 } });
    expect(await client.next()).toEqual({ ScanningFinished: { Id: 0 } });
  });
});

describe('InputCmd', () => {
  const inputCmd = (id: number, feature: number, type: string, command: string) => ({
    InputCmd: { Id: id, DeviceIndex: 0, FeatureIndex: feature, Type: type, Command: command },
  });

  it('reads the battery', async () => {
    const { server, client } = await ready();
    server.setInput(0, 1, 'Battery', 64);
    expect(await client.request(inputCmd(2, 1, 'Battery', 'Read'))).toEqual({
      InputReading: { Id: 2, DeviceIndex: 0, FeatureIndex: 1, Reading: { Battery: { Value: 64 } } },
    });
  });

  it('refuses what the feature does not offer', async () => {
    const { client } = await ready();
    const refused = async (message: object, code: number) => {
      expect(await client.request(message)).toMatchObject({ Error: { ErrorCode: code } });
    };
    await refused(inputCmd(2, 1, 'Battery', 'Subscribe'), ERROR_CODE.device);
    await refused(inputCmd(3, 1, 'Pressure', 'Read'), ERROR_CODE.device);
    await refused(inputCmd(4, 0, 'Battery', 'Read'), ERROR_CODE.device);
    await refused(inputCmd(5, 1, 'Mood', 'Read'), ERROR_CODE.msg);
    await refused(inputCmd(6, 1, 'Battery', 'Guess'), ERROR_CODE.msg);
  });

  it('streams pressure to a subscriber (Id 0) until Unsubscribe or a StopCmd', async () => {
    const { server, client } = await ready({ devices: ['KGoal Boost'] });
    expect(await client.request(inputCmd(2, 0, 'Pressure', 'Subscribe'))).toEqual({
      Ok: { Id: 2 },
    });
    server.setInput(0, 0, 'Pressure', 1200);
    server.setInput(0, 1, 'Pressure', 5);
    expect(await client.next()).toEqual({
      InputReading: {
        Id: 0,
        DeviceIndex: 0,
        FeatureIndex: 0,
        Reading: { Pressure: { Value: 1200 } },
      },
    });
    expect(await client.request(inputCmd(3, 0, 'Pressure', 'Unsubscribe'))).toEqual({
      Ok: { Id: 3 },
    });
    server.setInput(0, 0, 'Pressure', 1300);
    expect(await client.request(inputCmd(4, 0, 'Pressure', 'Subscribe'))).toEqual({
      Ok: { Id: 4 },
    });
    expect(await client.request({ StopCmd: { Id: 5 } })).toEqual({ Ok: { Id: 5 } });
    server.setInput(0, 0, 'Pressure', 1400);
    expect(await client.request({ RequestDeviceList: { Id: 6 } })).toMatchObject({
      DeviceList: { Id: 6 },
    });
    expect(client.pending()).toEqual([]);
  });

  it('refuses an input value outside its range (a test mistake, so it throws)', async () => {
    const server = await start();
    expect(() => {
      server.setInput(0, 1, 'Battery', 101);
    }).toThrow(/integer in \[0, 100\]/);
  });
});

describe('startButtplugSimServer', () => {
  it('listens on 127.0.0.1 only and starts with one vibrator and one two-way rotator', async () => {
    const server = await start();
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(server.devices().map((d) => d.name)).toEqual(['Lovense Lush', 'Lovense Nora']);
    expect(server.output(1, 1)?.range).toEqual([-20, 20]);
  });

  it('refuses another host, a bad port or ping time, and unknown names (with close matches)', async () => {
    const bad = (options: object) => startButtplugSimServer({ port: 0, ...options });
    await expect(bad({ host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1 only/);
    await expect(bad({ port: 70000 })).rejects.toThrow(/port must be/);
    await expect(bad({ maxPingTimeMs: -1 })).rejects.toThrow(/maxPingTimeMs/);
    await expect(bad({ devices: ['Lovense Lushh'] })).rejects.toThrow(
      /close matches: Lovense Lush(,|$)/,
    );
  });

  it('rejects a port in use', async () => {
    const server = await start();
    await expect(startButtplugSimServer({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
