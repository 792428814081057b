import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  CATALOGUE_PATH,
  catalogueSchema,
  type Catalogue,
  type CatalogueDevice,
  type CatalogueFeature,
  type InputType,
  type OutputType,
} from './catalogue';

/**
 * Derives data/buttplug/devices.json from Intiface's device database
 * (buttplug-device-config-v4.json, BSD 3-clause). Run from the repository root:
 *
 *   npx tsx src/devices/buttplug-sim/derive-catalogue.ts [path/to/buttplug-device-config-v4.json]
 *
 * The whole database names about 820 devices (about 140 KB even written compactly); the
 * catalogue keeps the well-known brands below, which still cover every kind of output Redline
 * drives and both inputs it reads. Add a protocol here and run the script again to widen it.
 */
export const CATALOGUE_PROTOCOLS = [
  'aneros',
  'hismith',
  'kgoal-boost',
  'kiiroo-v2',
  'kiiroo-v2-vibrator',
  'kiiroo-v21',
  'kiiroo-v21-initialized',
  'kiiroo-v3',
  'lelo-f1s',
  'lelo-f1sv2',
  'lelo-harmony',
  'lovehoney-desire',
  'lovense',
  'magic-motion-1',
  'magic-motion-2',
  'magic-motion-3',
  'magic-motion-4',
  'motorbunny',
  'mysteryvibe',
  'mysteryvibe-v2',
  'nexus-revo',
  'satisfyer',
  'svakom-sam',
  'svakom-sam2',
  'tcode-v03',
  'thehandy',
  'thehandy-v3',
  'vorze-cyclone-x',
  'vorze-sa',
  'wevibe',
  'wevibe-8bit',
  'wevibe-chorus',
] as const;

const DEFAULT_SOURCE = '../shared/buttplug/buttplug-device-config-v4.json';

/** The database's names for outputs and inputs, and the names spec v4 uses on the wire. */
const OUTPUT_NAMES: Readonly<Record<string, OutputType>> = {
  vibrate: 'Vibrate',
  rotate: 'Rotate',
  oscillate: 'Oscillate',
  constrict: 'Constrict',
  spray: 'Spray',
  position: 'Position',
  temperature: 'Temperature',
  led: 'Led',
  hw_position_with_duration: 'HwPositionWithDuration',
};
const INPUT_NAMES: Readonly<Record<string, InputType>> = {
  battery: 'Battery',
  pressure: 'Pressure',
};

const range = z.tuple([z.int(), z.int()]);
const sourceFeature = z.object({
  index: z.int().min(0),
  output: z.record(z.string(), z.object({ value: range, duration: range.optional() })).optional(),
  input: z
    .record(z.string(), z.object({ value: z.array(range).length(1), command: z.array(z.string()) }))
    .optional(),
});
const sourceDevice = z.object({ name: z.string(), features: z.array(sourceFeature).optional() });
const sourceDatabase = z.object({
  version: z.object({ major: z.int(), minor: z.int() }),
  protocols: z.record(
    z.string(),
    z.object({
      defaults: sourceDevice.extend({
        features: z.array(sourceFeature),
        message_gap_ms: z.int().min(0).optional(),
      }),
      configurations: z.array(sourceDevice).optional(),
    }),
  ),
});
type SourceFeature = z.infer<typeof sourceFeature>;

function feature(source: SourceFeature, where: string): CatalogueFeature {
  // Descriptions are left out: most are empty, and some are not worded for Redline's audience.
  const out: CatalogueFeature = { index: source.index };
  for (const [name, spec] of Object.entries(source.output ?? {})) {
    const type = OUTPUT_NAMES[name];
    if (type === undefined) throw new Error(`${where}: unknown output "${name}"`);
    out.output = { ...out.output, [type]: spec.duration ? spec : { value: spec.value } };
  }
  for (const [name, spec] of Object.entries(source.input ?? {})) {
    const type = INPUT_NAMES[name];
    if (type === undefined) throw new Error(`${where}: unknown input "${name}"`);
    const [value] = spec.value;
    if (value === undefined) throw new Error(`${where}: input "${name}" has no range`);
    // Commands are checked against spec v4's names when the whole catalogue is parsed.
    out.input = { ...out.input, [type]: { value, command: spec.command } };
  }
  return out;
}

/**
 * The catalogue from a parsed database: every named configuration of the chosen protocols (a
 * protocol's generic fallback name only when it has no configurations), in database order; a
 * name seen twice keeps its first entry.
 */
export function deriveCatalogue(
  database: unknown,
  protocols: readonly string[] = CATALOGUE_PROTOCOLS,
  file = 'buttplug-device-config-v4.json',
): Catalogue {
  const db = sourceDatabase.parse(database);
  const devices: CatalogueDevice[] = [];
  const seen = new Set<string>();
  for (const protocol of protocols) {
    const source = db.protocols[protocol];
    if (source === undefined) throw new Error(`the database has no protocol "${protocol}"`);
    const named = source.configurations ?? [source.defaults];
    for (const config of named) {
      if (seen.has(config.name)) continue;
      seen.add(config.name);
      const where = `${protocol} / ${config.name}`;
      const device: CatalogueDevice = {
        name: config.name,
        protocol,
        features: (config.features ?? source.defaults.features).map((f) => feature(f, where)),
      };
      if (source.defaults.message_gap_ms !== undefined)
        device.messageGapMs = source.defaults.message_gap_ms;
      devices.push(device);
    }
  }
  return catalogueSchema.parse({
    source: {
      file,
      version: `${db.version.major}.${db.version.minor}`,
      licence: 'BSD-3-Clause, Nonpolynomial Labs LLC (data/buttplug/LICENSE)',
      protocols: [...protocols],
    },
    devices,
  });
}

/** One device per line: small, readable and easy to diff. */
export function formatCatalogue(catalogue: Catalogue): string {
  const lines = catalogue.devices.map((d) => `    ${JSON.stringify(d)}`);
  return `{\n  "source": ${JSON.stringify(catalogue.source)},\n  "devices": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** The kinds the simulator must be able to show; the script refuses a catalogue without one. */
export function missingKinds(catalogue: Catalogue): string[] {
  const has = (test: (f: CatalogueFeature) => boolean) =>
    catalogue.devices.some((d) => d.features.some(test));
  const kinds: [string, (f: CatalogueFeature) => boolean][] = [
    ['a vibrator', (f) => f.output?.Vibrate !== undefined],
    ['a two-way rotator', (f) => (f.output?.Rotate?.value[0] ?? 0) < 0],
    ['an oscillator', (f) => f.output?.Oscillate !== undefined],
    ['a constrictor', (f) => f.output?.Constrict !== undefined],
    ['a position output', (f) => f.output?.Position !== undefined],
    ['a stroker', (f) => f.output?.HwPositionWithDuration !== undefined],
    ['a battery', (f) => f.input?.Battery !== undefined],
    ['a pressure sensor', (f) => f.input?.Pressure !== undefined],
  ];
  return kinds.filter(([, test]) => !has(test)).map(([kind]) => kind);
}

function run(sourcePath: string) {
  const catalogue = deriveCatalogue(
    JSON.parse(readFileSync(sourcePath, 'utf8')),
    CATALOGUE_PROTOCOLS,
    basename(sourcePath),
  );
  const missing = missingKinds(catalogue);
  if (missing.length > 0) throw new Error(`the catalogue lacks ${missing.join(', ')}`);
  const text = formatCatalogue(catalogue);
  writeFileSync(CATALOGUE_PATH, text);
  const where = CATALOGUE_PATH;
  console.log(`${where}: ${catalogue.devices.length} devices, ${text.length} bytes`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv[2] ?? DEFAULT_SOURCE);
}
