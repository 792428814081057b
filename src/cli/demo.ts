import { fileURLToPath } from 'node:url';
import { EXIT, type CliIo } from './io';
import { booleanFlag, parseFlags } from './args';
import { USAGE } from './usage';
import { loadScenario } from './sim/load-scenario';
import { simulate } from './sim/sim-command';

export const DEMO_SCENARIO = fileURLToPath(new URL('../../examples/demo.json', import.meta.url));

export const DEMO_HEADER = `Redline demo: a simulated scene.
No toy is connected; every level below goes to a simulated device, on a simulated clock.

A reminder for real scenes: Redline's stop travels over Wi-Fi or Bluetooth, which can fail.
Keep physical means at hand as well: the toy's own button (or removing the toy), and the
restraint release or safety shears within reach.

`;

/** `redline demo` (what `npm start` runs): examples/demo.json, readable, with a calm header. */
export function demoCommand(args: readonly string[], io: CliIo): number {
  const flags = parseFlags(args, { help: { type: 'boolean', short: 'h' } }, 0);
  if (!flags.ok) {
    io.stderr(flags.errors.map((e) => `redline demo: ${e}\n`).join(''));
    return EXIT.usage;
  }
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const scenario = loadScenario(DEMO_SCENARIO);
  // The demo ships with Redline: a broken demo file is a bug, not the user's input.
  if (!scenario.ok) throw new Error(`the demo scenario is invalid:\n${scenario.errors.join('\n')}`);
  io.stdout(DEMO_HEADER);
  return simulate(scenario.value, 'demo', io, {
    json: false,
    logPath: undefined,
    prefix: 'redline demo',
  });
}
