export const USAGE = `Usage: redline <command> [options]

Commands:
  sim --scenario FILE [--json] [--log FILE] [--buttplug URL [--scan-ms N]]
      Run a scenario on a simulated clock with a simulated device and print what happened.
      --json          one JSON object per line instead of the readable timeline
      --log FILE      also write the scene's event log as JSON lines (for replay)
      --buttplug URL  run it in real time on the toys of a Buttplug v4 server (Intiface, or
                      redline devices --sim) at URL, e.g. ws://127.0.0.1:12345; it ends once
                      the scene has stopped and every device is at zero
      --scan-ms N     with --buttplug: how long to scan if the server lists no device (3000)
  replay FILE [--json]
      Read a scene's event log (JSON lines), fold it with the core and print what happened.
  demo [--fast]
      A short simulated scene, live (about 40 s): Redline starts its own simulated device
      server and drives a virtual toy over the real protocol; no real toy is connected.
      --fast         examples/demo.json on a simulated clock instead, in a moment
  devices --sim [--device NAME]... [--port N] [--ping-ms N]
      Run a simulated Buttplug (Intiface) device server on 127.0.0.1 and print every change
      of its virtual toys until Ctrl+C, which stops them all. No real toy is driven.
      --device NAME  a device from data/buttplug/devices.json, repeatable
                     (default: Lovense Lush and Lovense Nora)
      --port N       the port to listen on (default 12345; 0 picks a free one)
      --ping-ms N    the MaxPingTime the server demands, in ms (default 0: no ping)
  serve [--sim | --buttplug URL | --eom URL] [--port N] [--lan | --host ADDRESS] [--data DIR]
        [--passphrase-file FILE] [--tls-cert FILE --tls-key FILE]
      Run Redline for two screens: the console (dominant) and the panel (receiver), in a
      browser at http://127.0.0.1:8417/ (npm start runs it with --sim). Ctrl+C stops every
      scene, then exits.
      --sim           virtual toys on a simulated device server started here
      --buttplug URL  the toys of a Buttplug v4 server (default ws://127.0.0.1:12345, Intiface)
      --eom URL       an Edge-o-Matic 3000 (e.g. ws://eom3k.local/): its motor, and its pressure
                      for orgasm detection
      --port N        the port to listen on (default 8417; 0 picks a free one)
      --lan           listen on the local network too, so a phone on the same Wi-Fi can join
      --host ADDRESS  listen on this address only (default 127.0.0.1)
      --data DIR      where scenes are kept (default: ~/.local/share/redline, or the
                      platform's equivalent)
      --passphrase-file FILE
                      the store's passphrase: the first line of FILE (chmod 600), or set
                      REDLINE_PASSPHRASE; an encrypted store without either asks on a
                      terminal, or exits 4. A new data folder given one is created encrypted
      --tls-cert FILE --tls-key FILE
                      serve over HTTPS (and WSS) with this certificate and its private key
                      (PEM; the key chmod 600), so nobody on the Wi-Fi can read the traffic;
                      the certificate should name the address the phone opens (docs/security.md)
  passphrase (--set | --change | --remove) [--data DIR] [--passphrase-file FILE]
             [--new-passphrase-file FILE]
      Encrypt the store with a passphrase (at least 8 characters), change it, or remove it;
      close Redline first. The current one comes from REDLINE_PASSPHRASE or --passphrase-file,
      the new one from REDLINE_NEW_PASSPHRASE or --new-passphrase-file; on a terminal, what
      is missing is asked for without echo (the new one twice).
  data export [--out FILE] | import --in FILE | delete --yes | csv --scene ID [--out FILE]
       [--data DIR] [--passphrase-file FILE]
      Your data: export everything as one JSON document (to a mode-0600 FILE or stdout; not
      encrypted), import it back (all or nothing), delete it for good (close Redline first), or
      a scene's trace as CSV (t_ms,pressure,hr,output). REDLINE_PASSPHRASE opens an encrypted
      store. See docs/data.md.
  detect --input FILE [--format csv|eom-log|eom-stream] [--detector NAME]
         [--sensitivity low|normal|high] [--hr-ceiling BPM [--hr-sustain S]]
      Run a detector over a recorded trace, sample by sample as if live, and print one JSON
      object per detected event: {"t_ms":…,"type":"orgasm"|"distress","confidence":…}.
      --format        csv (Redline's plain trace: t_ms,pressure[,hr][,output]), eom-log (an
                      Edge-o-Matic SD-card log) or eom-stream (its WebSocket readings, one
                      frame per line); default: eom-stream for .jsonl/.ndjson, else csv
      --detector NAME redline (default) or eom-baseline (an Edge-o-Matic-style rule)
      --sensitivity   low, normal (default) or high
      --hr-ceiling    a heart rate (60–250 bpm) above which, held --hr-sustain seconds
                      (1–600), is distress; without it heart rate raises no distress
  --help
      Show this help.

Exit status: 0 done; 1 internal error; 2 bad usage or invalid input (nothing was run);
3 the device server could not be reached; 4 the store is encrypted and no passphrase
was given (and no terminal to ask) or it was wrong; 130/143 stopped by SIGINT/SIGTERM.
Every command, flag and the scenario format are described in docs/cli.md; the simulated
device server in docs/devices.md.
`;
