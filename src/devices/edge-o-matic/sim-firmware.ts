/**
 * What the simulated Edge-o-Matic answers, modelled on the firmware's WebSocket handler
 * (docs/devices-edge-o-matic.md): each key of the incoming object runs one command; a command
 * with something to say (a nonce, a result, an `errno`, `"NOT IMPLEMENTED"`) gets a key in the
 * reply; a frame that is not JSON gets a top-level `error`; silence otherwise.
 */

/**
 * `current`: firmware whose modes are MANUAL / AUTOMATIC / ORGASM; setMotor enters manual mode
 * itself and echoes what it did. `early`: the first ESP-IDF firmware, whose modes are
 * MANUAL_CONTROL / AUTOMAITC_CONTROL (sic) / ORGASM_MODE; it answers nothing on success and
 * refuses setMotor outside manual mode.
 */
export type SimFirmware = 'current' | 'early';

const MODES: Record<SimFirmware, readonly string[]> = {
  current: ['MANUAL', 'AUTOMATIC', 'ORGASM'],
  early: ['MANUAL_CONTROL', 'AUTOMAITC_CONTROL', 'ORGASM_MODE'],
};

/** The firmware's `command_err_t`. */
const CMD_OK = 0;
const CMD_FAIL = -1;
const CMD_ARG_ERR = 1;

export type SimDevice = { firmware: SimFirmware; mode: string; motor: number };
export type SimClient = { streaming: boolean };

export function bootMode(firmware: SimFirmware): string {
  return MODES[firmware][1] ?? 'AUTOMATIC';
}

const manualMode = (firmware: SimFirmware) => MODES[firmware][0] ?? 'MANUAL';

type Reply = Record<string, unknown>;
type Command = (arg: unknown, reply: Reply, device: SimDevice, client: SimClient) => number;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const commands: Record<string, Command> = {
  setMode(arg, reply, device) {
    // The firmware compares without case and would crash on a non-string; we refuse it.
    const wanted = typeof arg === 'string' ? arg.toUpperCase() : undefined;
    const mode = MODES[device.firmware].find((m) => m === wanted);
    if (mode === undefined) return CMD_ARG_ERR;
    device.mode = mode;
    if (device.firmware === 'current') reply.mode = mode;
    return CMD_OK;
  },
  setMotor(arg, reply, device) {
    // The firmware takes any number's integer part; the simulator is stricter, to catch a
    // client that would send 256 or 12.5.
    if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0 || arg > 255)
      return CMD_ARG_ERR;
    const manual = manualMode(device.firmware);
    if (device.mode !== manual) {
      if (device.firmware === 'early') return CMD_FAIL;
      device.mode = manual;
      reply.mode = manual;
    }
    device.motor = arg;
    if (device.firmware === 'current') reply.speed = arg;
    return CMD_OK;
  },
  streamReadings(_arg, _reply, _device, client) {
    client.streaming = true;
    return CMD_OK;
  },
  info(_arg, reply) {
    reply.device = 'Edge-o-Matic 3000';
    reply.serial = 'SIMULATED';
    reply.hwVersion = 'simulated';
    reply.fwVersion = 'simulated';
    return CMD_OK;
  },
};

/** Runs one incoming text frame; returns the reply text, or undefined when the firmware stays silent. */
export function answerFrame(
  text: string,
  device: SimDevice,
  client: SimClient,
): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The firmware answers with cJSON's error pointer: the text from where parsing failed.
    return JSON.stringify({ error: text });
  }
  // Arrays and scalars have no keys, so the firmware runs nothing and says nothing.
  if (!isObject(json)) return undefined;
  const response: Record<string, Reply> = {};
  for (const [key, arg] of Object.entries(json)) {
    const reply: Reply = {};
    if (isObject(arg) && typeof arg.nonce === 'number') reply.nonce = Math.trunc(arg.nonce);
    const run = Object.hasOwn(commands, key) ? commands[key] : undefined;
    if (run === undefined) reply.error = 'NOT IMPLEMENTED';
    else {
      const errno = run(arg, reply, device, client);
      if (errno !== CMD_OK) reply.errno = errno;
    }
    if (Object.keys(reply).length > 0) response[key] = reply;
  }
  return Object.keys(response).length > 0 ? JSON.stringify(response) : undefined;
}

export type SimReading = Readonly<{ pressure: number; pavg: number; arousal: number }>;

/** A slow, deterministic breathing pattern: a 3 s pressure wave at 15 Hz, arousal rising and resetting. */
export function patternReading(tick: number): SimReading {
  const wave = Math.sin((2 * Math.PI * tick) / 45);
  return {
    pressure: Math.round(2000 + 300 * wave),
    pavg: 2000,
    arousal: tick % 300,
  };
}

export function readingsFrame(device: SimDevice, reading: SimReading, millis: number): string {
  return JSON.stringify({
    readings: { ...reading, motor: device.motor, millis, runMode: device.mode },
  });
}
