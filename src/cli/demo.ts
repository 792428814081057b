import { startButtplugSimServer } from '../devices/buttplug-sim/server';
import { EXIT, type CliIo } from './io';
import { booleanFlag, parseFlags } from './args';
import { USAGE } from './usage';
import { deviceLine, outputLine } from './devices/virtual-toys';
import type { SignalSource } from './signals';
import { clock } from './sim/format';
import { runOverButtplug } from './sim/live-run';
import { loadScenario } from './sim/load-scenario';
import type { Scenario } from './sim/scenario';
import { simulate } from './sim/sim-command';
import { packagePath } from '../package-root';

const example = (name: string) => packagePath('examples', name);
export const DEMO_SCENARIO = example('demo.json');
export const LIVE_DEMO_SCENARIO = example('live-demo.json');
/** One vibrator: enough to show the whole path, few enough lines to follow. */
const LIVE_DEMO_TOYS = ['Lovense Lush'];

const REMINDER = `A reminder for real scenes: Redline's stop travels over Wi-Fi or Bluetooth, which can fail.
Keep physical means at hand as well: the toy's own button (or removing the toy), and the
restraint release or safety shears within reach.

`;

export const DEMO_HEADER = `Redline demo: a simulated scene.
No toy is connected; every level below goes to a simulated device, on a simulated clock.

${REMINDER}`;

export const LIVE_DEMO_HEADER = `Redline demo: a simulated scene.
No real toy is connected. Redline starts its own simulated device server (Buttplug, on this
computer only) and drives a virtual toy over the real protocol, in real time: about 40 seconds.
"toy" lines show what the virtual toy was told. Ctrl+C stops every device and exits;
\`redline demo --fast\` runs a longer scene on a simulated clock instead.

${REMINDER}`;

/** What tests change: a shorter scenario, and signals they send themselves. */
export type DemoOverrides = Readonly<{ scenarioPath?: string; signals?: SignalSource }>;

/**
 * `redline demo` (what `npm start` runs): a short scene, live, against an embedded simulated
 * device server; `--fast`: examples/demo.json on the simulated clock. Both with a calm header.
 */
export function demoCommand(
  args: readonly string[],
  io: CliIo,
  overrides: DemoOverrides = {},
): number | Promise<number> {
  const options = { help: { type: 'boolean', short: 'h' }, fast: { type: 'boolean' } } as const;
  const flags = parseFlags(args, options, 0);
  if (!flags.ok) {
    io.stderr(flags.errors.map((e) => `redline demo: ${e}\n`).join(''));
    return EXIT.usage;
  }
  if (booleanFlag(flags.value, 'help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (booleanFlag(flags.value, 'fast')) {
    const scenario = shipped(DEMO_SCENARIO);
    io.stdout(DEMO_HEADER);
    return simulate(scenario, 'demo', io, OUTPUT);
  }
  return liveDemo(shipped(overrides.scenarioPath ?? LIVE_DEMO_SCENARIO), io, overrides.signals);
}

const OUTPUT = { json: false, logPath: undefined, prefix: 'redline demo' } as const;

/** The demos ship with Redline: a broken demo file is a bug, not the user's input. */
function shipped(path: string): Scenario {
  const scenario = loadScenario(path);
  if (!scenario.ok) throw new Error(`the demo scenario is invalid:\n${scenario.errors.join('\n')}`);
  return scenario.value;
}

async function liveDemo(
  scenario: Scenario,
  io: CliIo,
  signals: SignalSource | undefined,
): Promise<number> {
  // A free port on 127.0.0.1 only: the demo never collides with Intiface, nor is reachable.
  const server = await startButtplugSimServer({ port: 0, devices: LIVE_DEMO_TOYS });
  try {
    io.stdout(LIVE_DEMO_HEADER);
    io.stdout(`Simulated device server at ${server.url}, with:\n`);
    io.stdout(`${server.devices().map(deviceLine).join('\n')}\n\n`);
    return await runOverButtplug(scenario, 'demo', io, {
      ...OUTPUT,
      ...(signals === undefined ? {} : { signals }),
      url: server.url,
      scanMs: 0,
      watch: (sceneClock) =>
        server.onOutput((change) => {
          const at = clock(sceneClock.now());
          io.stdout(`  ${at}  ${'toy'.padEnd(10)} ${outputLine(change)}\n`);
        }),
    });
  } finally {
    await server.close();
    io.stdout('\nEvery virtual toy is at zero and the simulated device server is closed.\n');
  }
}
