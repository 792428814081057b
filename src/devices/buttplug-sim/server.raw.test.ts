import { describe, expect, it } from 'vitest';
import { connectRaw, type RawClient } from '../../../test/support/buttplug-raw-client';
import { useSimServers } from '../../../test/support/buttplug-sim-servers';
import type { CatalogueDevice } from './catalogue';
import { ERROR_CODE } from './protocol';
import type { ButtplugSimServer, ReceivedFrame } from './server';

/** The simulated server over a bare WebSocket: frames the official client would never send. */
const start = useSimServers();

async function ready(options?: Parameters<typeof start>[0]) {
  const server = await start(options);
  const client = await connectRaw(server.url);
  await client.handshake();
  return { server, client };
}

const vibrate = (id: number, device: number, feature: number, value: unknown) => ({
  OutputCmd: {
    Id: id,
    DeviceIndex: device,
    FeatureIndex: feature,
    Command: { Vibrate: { Value: value } },
  },
});

const errorWith = (id: number, code: number) => ({
  Error: { Id: id, ErrorCode: code, ErrorMessage: expect.any(String) as string },
});

async function running(server: ButtplugSimServer, client: RawClient) {
  expect(await client.request(vibrate(50, 0, 0, 10))).toEqual({ Ok: { Id: 50 } });
  expect(await client.request(vibrate(51, 1, 0, 4))).toEqual({ Ok: { Id: 51 } });
  expect(server.outputs().map((o) => o.value)).toEqual([10, 4, 0]);
}

describe('handshake', () => {
  it('answers RequestServerInfo with ServerInfo for spec v4 and the MaxPingTime', async () => {
    const server = await start({ maxPingTimeMs: 5000 });
    const client = await connectRaw(server.url);
    expect(await client.handshake('app')).toEqual({
      ServerInfo: {
        Id: 1,
        ServerName: 'Redline simulated device server',
        ProtocolVersionMajor: 4,
        ProtocolVersionMinor: 0,
        MaxPingTime: 5000,
      },
    });
    expect(server.clientName()).toBe('app');
  });

  it('refuses anything before the handshake, a second handshake and other spec versions (ERROR_INIT)', async () => {
    const server = await start();
    const client = await connectRaw(server.url);
    expect(await client.request(vibrate(3, 0, 0, 1))).toEqual(errorWith(3, ERROR_CODE.init));
    const asking = (id: number, major: number) => ({
      RequestServerInfo: {
        Id: id,
        ClientName: 'x',
        ProtocolVersionMajor: major,
        ProtocolVersionMinor: 0,
      },
    });
    expect(await client.request(asking(4, 5))).toEqual(errorWith(4, ERROR_CODE.init));
    expect(await client.request(asking(5, 3))).toEqual(errorWith(5, ERROR_CODE.init));
    expect(await client.request(asking(6, 4))).toMatchObject({ ServerInfo: { Id: 6 } });
    expect(await client.request(asking(7, 4))).toEqual(errorWith(7, ERROR_CODE.init));
    expect(server.outputs().every((o) => o.value === 0)).toBe(true);
  });
});

describe('invalid frames: Error ERROR_MSG (Id 0), nothing changes', () => {
  it.each([
    ['not JSON', '[{"StopCmd":{"Id":1}'],
    ['not an array', { StopCmd: { Id: 1 } }],
    ['an empty frame', []],
    ['an unknown message', [{ StopEverything: { Id: 1 } }]],
    ['a spec v3 message', [{ StopAllDevices: { Id: 1 } }]],
    ['Id 0 from a client', [{ StopCmd: { Id: 0 } }]],
    ['two messages in one object', [{ StopCmd: { Id: 1 }, Ping: { Id: 2 } }]],
    [
      'a missing field',
      [{ OutputCmd: { Id: 1, DeviceIndex: 0, Command: { Vibrate: { Value: 0 } } } }],
    ],
    ['a value that is not a number', [vibrate(1, 0, 0, '0')]],
    ['one bad message among good ones', [{ StopCmd: { Id: 1 } }, { StopCmd: { Id: 'two' } }]],
  ])('%s', async (_, frame) => {
    const { server, client } = await ready();
    await running(server, client);
    const frames: ReceivedFrame[] = [];
    server.onFrame((f) => frames.push(f));
    client.send(frame);
    expect(await client.next()).toEqual(errorWith(0, ERROR_CODE.msg));
    expect(server.outputs().map((o) => o.value)).toEqual([10, 4, 0]);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ messages: null, problem: expect.any(String) as string });
  });

  it('a binary frame', async () => {
    const { client } = await ready();
    client.socket.send(Buffer.from('[{"StopCmd":{"Id":1}}]'), { binary: true });
    expect(await client.next()).toEqual(errorWith(0, ERROR_CODE.msg));
  });

  it('a server message sent by the client (valid per schema, refused by id)', async () => {
    const { client } = await ready();
    expect(await client.request({ Ok: { Id: 9 } })).toEqual(errorWith(9, ERROR_CODE.msg));
  });
});

describe('OutputCmd', () => {
  it('takes an integer within the range, and records value and fraction', async () => {
    const { server, client } = await ready();
    expect(await client.request(vibrate(2, 0, 0, 20))).toEqual({ Ok: { Id: 2 } });
    expect(server.output(0, 0)).toMatchObject({ value: 20, fraction: 1, range: [0, 20] });
  });

  it.each([
    ['above the range', vibrate(2, 0, 0, 21), ERROR_CODE.device],
    ['below the range', vibrate(2, 0, 0, -1), ERROR_CODE.device],
    ['not an integer', vibrate(2, 0, 0, 2.5), ERROR_CODE.device],
    ['an unknown device', vibrate(2, 7, 0, 1), ERROR_CODE.device],
    ['an unknown feature', vibrate(2, 0, 5, 1), ERROR_CODE.device],
    ['a feature without that output', vibrate(2, 0, 1, 1), ERROR_CODE.device],
    [
      'two output types at once',
      {
        OutputCmd: {
          Id: 2,
          DeviceIndex: 1,
          FeatureIndex: 1,
          Command: { Rotate: { Value: 1 }, Vibrate: { Value: 1 } },
        },
      },
      ERROR_CODE.msg,
    ],
    [
      'an unknown output type',
      { OutputCmd: { Id: 2, DeviceIndex: 0, FeatureIndex: 0, Command: { Buzz: { Value: 1 } } } },
      ERROR_CODE.msg,
    ],
  ])('refuses a value %s, changing nothing', async (_, message, code) => {
    const { server, client } = await ready();
    await running(server, client);
    expect(await client.request(message)).toEqual(errorWith(2, code));
    expect(server.outputs().map((o) => o.value)).toEqual([10, 4, 0]);
  });

  it('takes a two-way rotator in reverse', async () => {
    const { server, client } = await ready();
    const rotate = {
      OutputCmd: { Id: 2, DeviceIndex: 1, FeatureIndex: 1, Command: { Rotate: { Value: -20 } } },
    };
    expect(await client.request(rotate)).toEqual({ Ok: { Id: 2 } });
    expect(server.output(1, 1)).toMatchObject({ value: -20, fraction: 1 });
  });

  it('needs a Duration within range for HwPositionWithDuration', async () => {
    const { server, client } = await ready({ devices: ['The Handy'] });
    const move = (id: number, command: object) => ({
      OutputCmd: {
        Id: id,
        DeviceIndex: 0,
        FeatureIndex: 0,
        Command: { HwPositionWithDuration: command },
      },
    });
    expect(await client.request(move(2, { Value: 50, Duration: 100001 }))).toEqual(
      errorWith(2, ERROR_CODE.device),
    );
    expect(await client.request(move(3, { Value: 50, Duration: 400 }))).toEqual({ Ok: { Id: 3 } });
    expect(server.output(0, 0)).toMatchObject({ value: 50, fraction: 0.5, duration: 400 });
  });

  it('uses the database feature indexes, which may have gaps', async () => {
    const sparse: CatalogueDevice = {
      name: 'Sparse',
      protocol: 'test',
      features: [{ index: 3, output: { Vibrate: { value: [0, 7] } } }],
    };
    const { server, client } = await ready({ devices: [sparse] });
    const list = await client.request({ RequestDeviceList: { Id: 2 } });
    expect(list).toMatchObject({
      DeviceList: { Devices: { 0: { DeviceFeatures: { 3: { FeatureIndex: 3 } } } } },
    });
    expect(await client.request(vibrate(3, 0, 0, 1))).toEqual(errorWith(3, ERROR_CODE.device));
    expect(await client.request(vibrate(4, 0, 3, 7))).toEqual({ Ok: { Id: 4 } });
    expect(server.output(0, 3)?.value).toBe(7);
  });
});

describe('StopCmd', () => {
  it('S1: without DeviceIndex stops every device', async () => {
    const { server, client } = await ready();
    await running(server, client);
    expect(await client.request({ StopCmd: { Id: 2 } })).toEqual({ Ok: { Id: 2 } });
    expect(server.outputs().map((o) => o.value)).toEqual([0, 0, 0]);
  });

  it('with DeviceIndex stops that device only; with FeatureIndex that feature only', async () => {
    const { server, client } = await ready();
    await running(server, client);
    expect(await client.request({ StopCmd: { Id: 2, DeviceIndex: 1 } })).toEqual({ Ok: { Id: 2 } });
    expect(server.outputs().map((o) => o.value)).toEqual([10, 0, 0]);
    await running(server, client);
    expect(await client.request({ StopCmd: { Id: 3, DeviceIndex: 1, FeatureIndex: 1 } })).toEqual({
      Ok: { Id: 3 },
    });
    expect(server.outputs().map((o) => o.value)).toEqual([10, 4, 0]);
  });

  it('leaves outputs running when Outputs is false', async () => {
    const { server, client } = await ready();
    await running(server, client);
    expect(await client.request({ StopCmd: { Id: 2, Outputs: false } })).toEqual({ Ok: { Id: 2 } });
    expect(server.outputs().map((o) => o.value)).toEqual([10, 4, 0]);
  });

  it('refuses an unknown device (ERROR_DEVICE) and a FeatureIndex alone (ERROR_MSG), changing nothing', async () => {
    const { server, client } = await ready();
    await running(server, client);
    expect(await client.request({ StopCmd: { Id: 2, DeviceIndex: 9 } })).toEqual(
      errorWith(2, ERROR_CODE.device),
    );
    expect(await client.request({ StopCmd: { Id: 3, FeatureIndex: 0 } })).toEqual(
      errorWith(3, ERROR_CODE.msg),
    );
    expect(server.outputs().map((o) => o.value)).toEqual([10, 4, 0]);
  });

  it('answers each message of a frame in order, one message per reply frame', async () => {
    const { server, client } = await ready();
    client.send([vibrate(2, 0, 0, 3), { StopCmd: { Id: 3 } }, { RequestDeviceList: { Id: 4 } }]);
    expect(await client.next()).toEqual({ Ok: { Id: 2 } });
    expect(await client.next()).toEqual({ Ok: { Id: 3 } });
    expect(await client.next()).toMatchObject({ DeviceList: { Id: 4 } });
    expect(server.output(0, 0)?.value).toBe(0);
  });
});
