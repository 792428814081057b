import {
  ButtplugClient,
  ButtplugNodeWebsocketClientConnector,
  DeviceOutput,
  InputType,
  OutputType,
  type ButtplugClientDevice,
} from 'buttplug';
import { afterEach, describe, expect, it } from 'vitest';
import { untilEvent, useSimServers } from '../../../test/support/buttplug-sim-servers';
import type { ReceivedFrame } from './server';

/**
 * The official `buttplug` client (v5, spec v4) against the simulated server, over a real socket.
 * Outputs are sent as exact integers with value(): the client's percent() rounds up, and its
 * percent(0) on a two-way rotator means full speed in reverse (../shared/buttplug/README.md).
 */
const start = useSimServers();
const clients: ButtplugClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.connected) await client.disconnect();
  }
});

async function connect(url: string): Promise<ButtplugClient> {
  const client = new ButtplugClient('Redline test');
  clients.push(client);
  await client.connect(new ButtplugNodeWebsocketClientConnector(url));
  return client;
}

function feature(device: ButtplugClientDevice | undefined, index: number) {
  const found = device?.features.get(index);
  if (found === undefined) throw new Error(`no feature ${index}`);
  return found;
}

describe('the buttplug client against the simulated server', () => {
  it('handshakes at spec v4 and lists the devices with their names, indexes and ranges', async () => {
    const server = await start();
    const client = await connect(server.url);
    expect(client.serverInfo).toMatchObject({ protocolVersionMajor: 4, maxPingTime: 0 });
    expect(server.clientName()).toBe('Redline test');

    const devices = [...client.devices.values()];
    expect(devices.map((d) => [d.index, d.name])).toEqual([
      [0, 'Lovense Lush'],
      [1, 'Lovense Nora'],
    ]);
    const nora = client.devices.get(1);
    expect(feature(nora, 0).output(OutputType.Vibrate)?.valueRange).toEqual([0, 20]);
    expect(feature(nora, 1).output(OutputType.Rotate)?.valueRange).toEqual([-20, 20]);
    expect(feature(nora, 2).input(InputType.Battery)?.commands).toEqual(['Read']);
    expect(nora?.messageTimingGap).toBe(0);
  });

  it('runs outputs with exact integers, and the server records value and fraction', async () => {
    const server = await start();
    const client = await connect(server.url);
    await feature(client.devices.get(0), 0).runOutput(DeviceOutput.Vibrate.value(7));
    await feature(client.devices.get(1), 1).runOutput(DeviceOutput.Rotate.value(-5));
    expect(server.output(0, 0)).toMatchObject({ value: 7, fraction: 0.35 });
    expect(server.output(1, 1)).toMatchObject({ type: 'Rotate', value: -5, fraction: 0.25 });
  });

  it("shows the client's percent pitfalls: rounding up, and percent(0) as full reverse", async () => {
    const server = await start();
    const client = await connect(server.url);
    await feature(client.devices.get(0), 0).runOutput(DeviceOutput.Vibrate.percent(0.52));
    expect(server.output(0, 0)?.value).toBe(11);
    await feature(client.devices.get(1), 1).runOutput(DeviceOutput.Rotate.percent(0));
    expect(server.output(1, 1)).toMatchObject({ value: -20, fraction: 1 });
  });

  it('S1: stopAllDevices reaches the server as a StopCmd without DeviceIndex and stops everything', async () => {
    const server = await start();
    const client = await connect(server.url);
    await feature(client.devices.get(0), 0).runOutput(DeviceOutput.Vibrate.value(20));
    await feature(client.devices.get(1), 0).runOutput(DeviceOutput.Vibrate.value(3));
    const frames: ReceivedFrame[] = [];
    server.onFrame((frame) => frames.push(frame));
    await client.stopAllDevices();
    expect(server.outputs().map((o) => o.value)).toEqual([0, 0, 0]);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.messages?.[0]).toMatchObject({ StopCmd: { Outputs: true } });
    expect(frames[0]?.messages?.[0]).not.toHaveProperty('StopCmd.DeviceIndex');
  });

  it('stops one device with device.stop()', async () => {
    const server = await start();
    const client = await connect(server.url);
    await feature(client.devices.get(0), 0).runOutput(DeviceOutput.Vibrate.value(5));
    await feature(client.devices.get(1), 0).runOutput(DeviceOutput.Vibrate.value(5));
    await client.devices.get(1)?.stop();
    expect(server.outputs().map((o) => o.value)).toEqual([5, 0, 0]);
  });

  it('reads the battery, which the server can change', async () => {
    const server = await start();
    const client = await connect(server.url);
    expect(await client.devices.get(0)?.battery()).toBe(100);
    server.setInput(0, 1, 'Battery', 42);
    expect(await client.devices.get(0)?.battery()).toBe(42);
  });

  it('hears a removed device through the new DeviceList', async () => {
    const server = await start();
    const client = await connect(server.url);
    const removed = new Promise<ButtplugClientDevice>((resolve) => {
      client.once('deviceremoved', resolve);
    });
    expect(server.removeDevice(0)).toBe(true);
    expect((await removed).name).toBe('Lovense Lush');
    expect([...client.devices.keys()]).toEqual([1]);
  });

  it('disconnect() leaves every device stopped', async () => {
    const server = await start();
    const client = await connect(server.url);
    await feature(client.devices.get(0), 0).runOutput(DeviceOutput.Vibrate.value(9));
    const gone = untilEvent(server, 'client-disconnected');
    await client.disconnect();
    await gone;
    expect(server.outputs().every((o) => o.value === 0)).toBe(true);
    expect(server.clientName()).toBeNull();
  });
});
