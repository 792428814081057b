import { homedir } from 'node:os';
import { renderUnicodeCompact } from 'uqr';
import { createButtplugAdapter } from '../../devices/buttplug/buttplug-adapter';
import { startButtplugSimServer, type ButtplugSimServer } from '../../devices/buttplug-sim/server';
import { createEdgeOMaticAdapter } from '../../devices/edge-o-matic/edge-o-matic-adapter';
import { databasePath, defaultDataDir } from '../../server/store/data-dir';
import { startServer } from '../../server/start-server';
import { booleanFlag, parseFlags, stringFlag } from '../args';
import { EXIT, type CliIo } from '../io';
import {
  givenPassphrase,
  PASSPHRASE_ENV,
  processSecretSources,
  type SecretSources,
} from '../passphrase/passphrase-sources';
import { passphraseToServe } from '../passphrase/unlock';
import { processSignals, type SignalSource } from '../signals';
import { USAGE } from '../usage';
import { parsePort } from './port';
import { printable } from './printable';
import { certificateNames, readTlsFiles, type TlsFiles } from './tls-files';
import { packagePath } from '../../package-root';

export const DEFAULT_PORT = 8417;
export const DEFAULT_BUTTPLUG_URL = 'ws://127.0.0.1:12345';
/** The virtual toys `--sim` offers: one vibrator, and one with two kinds of output. */
export const SIM_TOYS = ['Lovense Lush', 'Lovense Nora'];
export const WEB_ROOT = packagePath('dist', 'web');

const REQUEST_TIMEOUT_MS = 3000;

export type ServeOverrides = Readonly<{
  signals?: SignalSource;
  /** Resolves when the server is up (tests read its address). */
  onReady?: (url: string) => void;
  /** Tests end the run with this instead of a signal. */
  stopWhen?: Promise<unknown>;
  webRoot?: string;
  /** Where the store's passphrase comes from (the environment, a file, a terminal). */
  secrets?: SecretSources;
}>;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  sim: { type: 'boolean' },
  buttplug: { type: 'string' },
  eom: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  lan: { type: 'boolean' },
  data: { type: 'string' },
  // The passphrase itself is never a flag: any user can read a command line in the process list.
  'passphrase-file': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
} as const;

/**
 * `redline serve`: the server for the console and the panel, with the toys of a Buttplug server
 * (Intiface, or `--sim`: Redline's simulated one, started here) or an Edge-o-Matic 3000 (`--eom`:
 * its motor, and its pressure stream for a scene's orgasm detector). Runs until SIGINT or SIGTERM;
 * then every scene is stopped (the stop first, then recorded), and everything closed.
 */
export async function serveCommand(
  args: readonly string[],
  io: CliIo,
  overrides: ServeOverrides = {},
): Promise<number> {
  const fail = (message: string, status: number = EXIT.usage) => {
    io.stderr(`redline serve: ${message}\n`);
    return status;
  };
  const flags = parseFlags(args, OPTIONS, 0);
  if (!flags.ok) return fail(flags.errors.join('; '));
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const port = parsePort(stringFlag(flags.value, 'port'), DEFAULT_PORT);
  if (!port.ok) return fail(`--port ${port.errors.join('; ')}`);
  const lan = booleanFlag(flags.value, 'lan');
  const hostFlag = stringFlag(flags.value, 'host');
  if (lan && hostFlag !== undefined) return fail('give either --lan or --host, not both');
  const host = hostFlag ?? (lan ? '0.0.0.0' : '127.0.0.1');
  const sim = booleanFlag(flags.value, 'sim');
  const buttplugFlag = stringFlag(flags.value, 'buttplug');
  const eomFlag = stringFlag(flags.value, 'eom');
  const sources = [sim, buttplugFlag !== undefined, eomFlag !== undefined].filter(Boolean);
  if (sources.length > 1) return fail('give one of --sim, --buttplug and --eom, not more');
  if (eomFlag !== undefined && !/^wss?:\/\/[^/\s]+/.test(eomFlag))
    return fail(`--eom takes the Edge-o-Matic's address, e.g. ws://eom3k.local/, not ${eomFlag}`);
  const dataDir =
    stringFlag(flags.value, 'data') ?? defaultDataDir(process.env, process.platform, homedir());
  const secrets = overrides.secrets ?? processSecretSources();
  const certPath = stringFlag(flags.value, 'tls-cert');
  const keyPath = stringFlag(flags.value, 'tls-key');
  if ((certPath === undefined) !== (keyPath === undefined))
    return fail('give both --tls-cert and --tls-key, or neither');
  let tls: TlsFiles | undefined;
  if (certPath !== undefined && keyPath !== undefined) {
    const read = readTlsFiles(certPath, keyPath, secrets.platform, new Date());
    if (!read.ok) return fail(read.errors.join('; '));
    tls = read.value;
  }
  const given = givenPassphrase(secrets, PASSPHRASE_ENV, {
    flag: '--passphrase-file',
    path: stringFlag(flags.value, 'passphrase-file'),
  });
  if (!given.ok) return fail(given.errors.join('; '));
  const unlocked = await passphraseToServe(databasePath(dataDir), given.value, secrets, (text) => {
    io.stderr(text);
  });
  if (!unlocked.ok) return fail(unlocked.message, unlocked.status);
  const { passphrase } = unlocked;

  let simServer: ButtplugSimServer | null = null;
  if (sim) simServer = await startButtplugSimServer({ port: 0, devices: SIM_TOYS });
  const buttplugUrl = simServer?.url ?? buttplugFlag ?? DEFAULT_BUTTPLUG_URL;
  const report = (message: string) => {
    io.stderr(`redline serve: ${printable(message)}\n`);
  };
  const started = await startServer({
    host,
    port: port.value,
    databasePath: databasePath(dataDir),
    passphrase,
    devices:
      eomFlag === undefined
        ? createButtplugAdapter({
            url: buttplugUrl,
            requestTimeoutMs: REQUEST_TIMEOUT_MS,
            scanMs: 1000,
          })
        : createEdgeOMaticAdapter({
            url: eomFlag,
            requestTimeoutMs: REQUEST_TIMEOUT_MS,
            now: () => performance.now(),
          }),
    webRoot: overrides.webRoot ?? WEB_ROOT,
    report,
    tls: tls === undefined ? undefined : { cert: tls.cert, key: tls.key },
  });
  if (!started.ok) {
    await simServer?.close();
    if (started.stage !== 'devices') return fail(`could not start: ${started.error}`);
    const hint = sim
      ? ''
      : eomFlag !== undefined
        ? ' (is the Edge-o-Matic switched on and on this network?)'
        : ' (is Intiface Central running, or try --sim for virtual toys?)';
    return fail(`could not start: ${started.error}${hint}`, EXIT.unreachable);
  }
  const { server } = started;
  io.stdout(
    banner({
      url: server.url,
      panelUrl: server.panelBaseUrl,
      dataDir,
      encrypted: passphrase !== undefined,
      buttplugUrl,
      eomUrl: eomFlag ?? null,
      sim,
      lan: host !== '127.0.0.1',
      tls:
        tls === undefined
          ? null
          : {
              certPath: certPath ?? '',
              validTo: tls.certificate.validTo,
              fingerprint: tls.certificate.fingerprint256,
            },
    }),
  );
  // A phone opening an address its certificate does not name warns, and may refuse to connect.
  const panelHost = new URL(server.panelBaseUrl).hostname.replace(/^\[|\]$/g, '');
  if (tls !== undefined && !certificateNames(tls.certificate, panelHost))
    io.stderr(
      `redline serve: the certificate in ${certPath ?? ''} does not name ${panelHost}, the address ` +
        'the panel opens: a phone will warn that the connection is not private. Make one that ' +
        'names it (as an IP address in its subject alternative names).\n',
    );
  if (server.restored > 0)
    io.stdout(
      `${server.restored} scene(s) from before came back stopped: nothing resumes by itself.\n`,
    );
  overrides.onReady?.(server.url);

  const signal = await new Promise<'SIGINT' | 'SIGTERM' | null>((resolve) => {
    const stopListening = (overrides.signals ?? processSignals)((s) => {
      stopListening();
      resolve(s);
    });
    void overrides.stopWhen?.then(() => {
      stopListening();
      resolve(null);
    });
  });
  await server.close();
  await simServer?.close();
  io.stdout('\nEvery scene is stopped, every toy is at zero, and Redline has closed.\n');
  return signal === null ? EXIT.ok : EXIT[signal];
}

function banner(b: {
  url: string;
  panelUrl: string;
  dataDir: string;
  encrypted: boolean;
  buttplugUrl: string;
  eomUrl: string | null;
  sim: boolean;
  lan: boolean;
  tls: Readonly<{ certPath: string; validTo: string; fingerprint: string }> | null;
}): string {
  const toys = b.sim
    ? `virtual toys (${SIM_TOYS.join(', ')}) on a simulated device server at ${b.buttplugUrl}`
    : b.eomUrl !== null
      ? `the Edge-o-Matic at ${b.eomUrl} (its motor, and its pressure for detection)`
      : `the device server at ${b.buttplugUrl}`;
  const lines = [
    'Redline is running.',
    '',
    `  Open the console:  ${b.url}`,
    `  Panel (phone):     ${b.panelUrl}`,
    `  Toys:              ${toys}`,
    `  Data folder:       ${b.dataDir}${b.encrypted ? ' (encrypted with your passphrase)' : ''}`,
    // On this computer only, nothing crosses a network; on the LAN, say whether it is encrypted.
    ...(b.tls !== null
      ? [
          `  Connections:       encrypted (TLS: the certificate in ${b.tls.certPath}, valid until ${b.tls.validTo})`,
          // What a phone shows of the certificate, to check before trusting it.
          `  Its SHA-256:       ${b.tls.fingerprint}`,
        ]
      : b.lan
        ? ['  Connections:       not encrypted: keep --lan to a network you trust (see --tls-cert)']
        : []),
    '',
    b.lan
      ? 'Scan this with the receiver’s phone to open Redline, then pair it with the code the console shows:'
      : 'Listening on this computer only. Open the panel in a second browser window here, or restart with\n--lan to let a phone on the same Wi-Fi join. The code below opens the panel address:',
    '',
    renderUnicodeCompact(b.panelUrl, { border: 1 }),
    '',
    'Keep physical means to stop at hand as well: the toy’s own button (or removing the toy), and the',
    'restraint release or safety shears within reach. Ctrl+C stops every scene and exits.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
