export const USAGE = `Usage: redline <command> [options]

Commands:
  sim --scenario FILE [--json] [--log FILE]
      Run a scenario on a simulated clock with a simulated device and print what happened.
      --json       one JSON object per line instead of the readable timeline
      --log FILE   also write the scene's event log as JSON lines (for replay)
  replay FILE [--json]
      Read a scene's event log (JSON lines), fold it with the core and print what happened.
  demo
      Run examples/demo.json: a simulated scene; no toy is connected.
  devices --sim [--device NAME]... [--port N] [--ping-ms N]
      Run a simulated Buttplug (Intiface) device server on 127.0.0.1 and print every change
      of its virtual toys until Ctrl+C, which stops them all. No real toy is driven.
      --device NAME  a device from data/buttplug/devices.json, repeatable
                     (default: Lovense Lush and Lovense Nora)
      --port N       the port to listen on (default 12345; 0 picks a free one)
      --ping-ms N    the MaxPingTime the server demands, in ms (default 0: no ping)
  --help
      Show this help.

Exit status: 0 done; 1 internal error; 2 bad usage or invalid input (nothing was run).
Every command, flag and the scenario format are described in docs/cli.md; the simulated
device server in docs/devices.md.
`;
