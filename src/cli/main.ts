import { dataCommand } from './data/data-command';
import { demoCommand } from './demo';
import { detectCommand } from './detect/detect-command';
import { devicesCommand } from './devices/devices-command';
import { EXIT, processIo, type CliIo } from './io';
import { passphraseCommand } from './passphrase/passphrase-command';
import { replayCommand } from './replay/replay-command';
import { serveCommand } from './serve/serve-command';
import { simCommand } from './sim/sim-command';
import { USAGE } from './usage';

/** The `redline` command line. Returns the exit status; bin/redline.js sets it. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    // Expected failures are values; reaching here means a bug, so show everything.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`redline: internal error: ${detail}\n`);
    return EXIT.internal;
  }
}

function run(argv: readonly string[], io: CliIo): number | Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'sim':
      return simCommand(args, io);
    case 'replay':
      return replayCommand(args, io);
    case 'demo':
      return demoCommand(args, io);
    case 'devices':
      return devicesCommand(args, io);
    case 'detect':
      return detectCommand(args, io);
    case 'serve':
      return serveCommand(args, io);
    case 'passphrase':
      return passphraseCommand(args, io);
    case 'data':
      return dataCommand(args, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return EXIT.ok;
    case undefined:
      io.stderr(USAGE);
      return EXIT.usage;
    default:
      io.stderr(`redline: unknown command "${command}"\n\n${USAGE}`);
      return EXIT.usage;
  }
}
