import type { CatalogueFeature } from '../../devices/buttplug-sim/catalogue';
import type { OutputCause, OutputChange, SimDevice } from '../../devices/buttplug-sim/device-set';
import {
  startButtplugSimServer,
  type ButtplugSimOptions,
  type ButtplugSimServer,
  type SimServerEvent,
} from '../../devices/buttplug-sim/server';
import type { CliIo } from '../io';

/**
 * The simulated device server with a readable log: what it offers, who connects, and every
 * change of every output ("virtual toy" lines). `redline devices --sim` runs it until a signal;
 * other commands (`npm start`) can start it embedded.
 */
export type VirtualToys = Readonly<{
  server: ButtplugSimServer;
  /** Stops every output (printing each change), closes the connection and the server. */
  stop(): Promise<void>;
}>;

const BAR = 20;

const CAUSE: Readonly<Record<OutputCause, string>> = {
  OutputCmd: '',
  StopCmd: 'stopped by StopCmd',
  'client-disconnected': 'stopped: the client disconnected',
  'ping-timeout': 'stopped: no Ping in time',
  'device-removed': 'stopped: device removed',
  'server-stopped': 'stopped: the server is stopping',
};

function describeFeature(feature: CatalogueFeature): string[] {
  const parts: string[] = [];
  for (const [type, spec] of Object.entries(feature.output ?? {})) {
    const [min, max] = spec.value;
    const twoWay = min < 0 ? ', two-way' : '';
    parts.push(`${type} ${min} to ${max}${twoWay} (feature ${feature.index})`);
  }
  for (const [type, spec] of Object.entries(feature.input ?? {}))
    parts.push(`${type} input ${spec.value[0]} to ${spec.value[1]} (feature ${feature.index})`);
  return parts;
}

export function deviceLine(device: SimDevice): string {
  const features = device.features.flatMap(describeFeature).join('; ');
  return `  #${device.index} ${device.name}: ${features}`;
}

/** One output change, as a line a person can follow: `#0 Lovense Lush  Vibrate 0  10/20  50%  [#####.....]`. */
export function outputLine(change: OutputChange): string {
  const percent = `${Math.round(change.fraction * 100)}%`.padStart(4);
  const filled = Math.round(change.fraction * BAR);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}]`;
  const max = change.value < 0 ? -change.range[0] : change.range[1];
  const extra = [
    change.type === 'Rotate' && change.value < 0 ? 'reverse' : '',
    change.duration === undefined ? '' : `over ${change.duration} ms`,
    CAUSE[change.cause],
  ].filter((s) => s !== '');
  const what = `#${change.deviceIndex} ${change.deviceName}  ${change.type} ${change.featureIndex}`;
  const amount = `${change.value}/${max}`.padStart(9);
  return `${what}  ${amount} ${percent} ${bar}${extra.length > 0 ? `  ${extra.join(', ')}` : ''}`;
}

export function eventLine(event: SimServerEvent): string {
  switch (event.type) {
    case 'client-connected':
      return `client connected from ${event.address}`;
    case 'client-refused':
      return `refused a second client from ${event.address}: ${event.reason}`;
    case 'handshake':
      return `handshake with "${event.clientName}" (Buttplug spec v4)`;
    case 'client-disconnected':
      return `client disconnected (${event.reason}); every device is stopped`;
  }
}

/** Starts the server and prints its address, its devices, then every change as it happens. */
export async function startVirtualToys(
  options: ButtplugSimOptions,
  io: CliIo,
): Promise<VirtualToys> {
  const server = await startButtplugSimServer(options);
  const started = performance.now();
  const print = (text: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(3).padStart(9);
    io.stdout(`${seconds}s  ${text}\n`);
  };
  const ping = options.maxPingTimeMs ?? 0;
  io.stdout(
    [
      `Redline simulated device server (Buttplug spec v4) at ${server.url}`,
      `Listening on this computer only. MaxPingTime: ${ping === 0 ? '0 (no Ping needed)' : `${ping} ms`}.`,
      'Devices (simulated: no real toy is driven):',
      ...server.devices().map(deviceLine),
      `Point Redline or any Intiface-compatible app at ${server.url}.`,
      'Ctrl+C stops every device and exits.',
      '',
      '',
    ].join('\n'),
  );
  server.onOutput((change) => {
    print(outputLine(change));
  });
  server.onEvent((event) => {
    print(eventLine(event));
  });
  server.onSent(({ message }) => {
    if ('Error' in message) print(`answered with an error: ${message.Error.ErrorMessage}`);
  });
  return {
    server,
    async stop() {
      await server.close();
      io.stdout('Stopped: every device is at zero and the server is closed.\n');
    },
  };
}
