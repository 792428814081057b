import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { messagesOf, portOf, useAdapterKit } from './adapter-test-kit';
import { EOM_DEVICE } from './edge-o-matic-adapter';
import { rawText } from './link';

const { later, sim, adapterFor, wsServer } = useAdapterKit();

describe('connecting to an Edge-o-Matic', () => {
  it('takes control: manual mode, motor 0, readings streaming; lists one device', async () => {
    const device = await sim();
    const messages = messagesOf(device);
    const { adapter, events } = adapterFor(device.url);
    const result = await adapter.connect();
    expect(result).toEqual({ ok: true, devices: [EOM_DEVICE] });
    expect(events).toContainEqual({ type: 'devices', devices: [EOM_DEVICE] });
    expect(messages).toEqual([
      { setMode: 'manual' },
      { setMotor: 0 },
      { streamReadings: { nonce: 1 } },
    ]);
    expect(device.mode()).toBe('MANUAL');
    expect(adapter.name).toBe(`edge-o-matic ${device.url}`);
  });

  it('falls back to early firmware’s MANUAL_CONTROL when "manual" is refused', async () => {
    const device = await sim({ firmware: 'early' });
    const { adapter } = adapterFor(device.url);
    expect((await adapter.connect()).ok).toBe(true);
    expect(device.mode()).toBe('MANUAL_CONTROL');
  });

  it('gives up with a clear error when no name for manual mode is accepted', async () => {
    const { server, url } = await wsServer();
    server.on('connection', (socket) => {
      socket.on('message', (data) => {
        const message = JSON.parse(rawText(data)) as Record<string, { nonce?: number }>;
        if ('setMode' in message) socket.send('{"setMode":{"errno":1}}');
        const nonce = message.streamReadings?.nonce;
        if (nonce !== undefined) socket.send(JSON.stringify({ streamReadings: { nonce } }));
      });
    });
    const { adapter } = adapterFor(url);
    const result = await adapter.connect();
    expect(result).toEqual({
      ok: false,
      error:
        'the Edge-o-Matic would not switch to manual mode ("manual": the Edge-o-Matic refused setMode (errno 1: bad argument); "MANUAL_CONTROL": the Edge-o-Matic refused setMode (errno 1: bad argument))',
    });
  });

  it('times out against a port that accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    later(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => {
            resolve();
          });
        }),
    );
    const url = `ws://127.0.0.1:${portOf(silent.address())}/`;
    const { adapter } = adapterFor(url, { connectTimeoutMs: 150 });
    const started = performance.now();
    expect(await adapter.connect()).toEqual({
      ok: false,
      error: `no answer from the Edge-o-Matic at ${url} within 150 ms`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('times out when the WebSocket opens but the device never replies', async () => {
    const { url } = await wsServer();
    const { adapter } = adapterFor(url, { requestTimeoutMs: 100 });
    expect(await adapter.connect()).toEqual({
      ok: false,
      error: 'no reply from the Edge-o-Matic within 100 ms while taking control',
    });
  });

  it('reports a refused connection and a bad URL as errors, never by throwing', async () => {
    const device = await sim();
    const url = device.url;
    await device.close();
    const refused = await adapterFor(url).adapter.connect();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/^could not reach the Edge-o-Matic at ws:/);
    const bad = await adapterFor('not a url').adapter.connect();
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^cannot open not a url/);
  });

  it('refuses to connect once closed', async () => {
    const device = await sim();
    const { adapter } = adapterFor(device.url);
    await adapter.close();
    expect(await adapter.connect()).toEqual({
      ok: false,
      error: 'this Edge-o-Matic adapter is closed',
    });
  });
});
