import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { packagePath } from '../../package-root';

/**
 * The devices the simulated server can present: real names, feature indexes and integer ranges
 * from the Buttplug device database, derived into data/buttplug/devices.json by
 * derive-catalogue.ts (see data/buttplug/README.md for origin and licence).
 */

/** Output types as spec v4 names them on the wire (the schema's OutputCmd pattern). */
export const OUTPUT_TYPES = [
  'Vibrate',
  'Rotate',
  'Oscillate',
  'Constrict',
  'Spray',
  'Position',
  'Temperature',
  'Led',
  'HwPositionWithDuration',
] as const;
export type OutputType = (typeof OUTPUT_TYPES)[number];

/** The inputs the simulator serves (the database has no others in the catalogue's protocols). */
export const INPUT_TYPES = ['Battery', 'Pressure'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

export const INPUT_COMMANDS = ['Read', 'Subscribe', 'Unsubscribe'] as const;
export type InputCommand = (typeof INPUT_COMMANDS)[number];

export type Range = readonly [min: number, max: number];

const range = z
  .tuple([z.int(), z.int()])
  .refine(([min, max]) => min <= max, 'must be [min, max] with min <= max');

const outputSchema = z.strictObject({ value: range, duration: range.optional() });
const inputSchema = z.strictObject({
  value: range,
  command: z.array(z.enum(INPUT_COMMANDS)).min(1),
});

const featureSchema = z.strictObject({
  index: z.int().min(0),
  output: z.partialRecord(z.enum(OUTPUT_TYPES), outputSchema).optional(),
  input: z.partialRecord(z.enum(INPUT_TYPES), inputSchema).optional(),
});

const deviceSchema = z
  .strictObject({
    name: z.string().min(1),
    protocol: z.string().min(1),
    messageGapMs: z.int().min(0).optional(),
    features: z.array(featureSchema).min(1),
  })
  .refine(
    (d) => new Set(d.features.map((f) => f.index)).size === d.features.length,
    'feature indexes must be unique',
  );

export const catalogueSchema = z
  .strictObject({
    source: z.strictObject({
      file: z.string(),
      version: z.string(),
      licence: z.string(),
      protocols: z.array(z.string()),
    }),
    devices: z.array(deviceSchema).min(1),
  })
  .refine(
    (c) => new Set(c.devices.map((d) => d.name)).size === c.devices.length,
    'device names must be unique',
  );

export type CatalogueFeature = z.infer<typeof featureSchema>;
export type CatalogueDevice = z.infer<typeof deviceSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

export const CATALOGUE_PATH = packagePath('data', 'buttplug', 'devices.json');

let loaded: Catalogue | undefined;

/** The shipped catalogue, read and checked once. A broken file is a bug in Redline: it throws. */
export function loadCatalogue(): Catalogue {
  if (loaded !== undefined) return loaded;
  const parsed = catalogueSchema.safeParse(JSON.parse(readFileSync(CATALOGUE_PATH, 'utf8')));
  if (!parsed.success) {
    throw new Error(`data/buttplug/devices.json is malformed: ${parsed.error.message}`);
  }
  loaded = parsed.data;
  return loaded;
}

/** A device by name, ignoring case ("lovense lush" finds "Lovense Lush"). */
export function findDevice(name: string, catalogue = loadCatalogue()): CatalogueDevice | undefined {
  const wanted = name.trim().toLowerCase();
  return catalogue.devices.find((d) => d.name.toLowerCase() === wanted);
}
