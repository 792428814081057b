import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH } from './catalogue';
import { deriveCatalogue, formatCatalogue } from './derive-catalogue';

/** A database in the shape of buttplug-device-config-v4.json, cut down to what the script reads. */
const database = {
  version: { major: 4, minor: 7 },
  protocols: {
    acme: {
      communication: [{ btle: { names: ['ACME'] } }],
      defaults: {
        id: 'x',
        name: 'ACME Device',
        message_gap_ms: 50,
        features: [
          { id: 'a', index: 0, description: 'ignored', output: { vibrate: { value: [0, 20] } } },
          {
            id: 'b',
            index: 1,
            input: { battery: { command: ['Read'], value: [[0, 100]] } },
          },
        ],
      },
      configurations: [
        { id: 'c', identifier: ['W'], name: 'ACME Wand' },
        {
          id: 'd',
          identifier: ['S'],
          name: 'ACME Spinner',
          features: [{ id: 'e', index: 2, output: { rotate: { value: [-10, 10] } } }],
        },
        { id: 'f', identifier: ['W2'], name: 'ACME Wand' },
      ],
    },
    solo: {
      defaults: {
        id: 'g',
        name: 'Solo Stroker',
        features: [
          {
            id: 'h',
            index: 0,
            output: { hw_position_with_duration: { value: [0, 99], duration: [0, 100000] } },
          },
        ],
      },
    },
  },
};

describe('deriveCatalogue', () => {
  it('takes every named configuration, inheriting the default features and message gap', () => {
    const catalogue = deriveCatalogue(database, ['acme', 'solo'], 'db.json');
    expect(catalogue.source).toMatchObject({ file: 'db.json', version: '4.7' });
    expect(catalogue.devices).toEqual([
      {
        name: 'ACME Wand',
        protocol: 'acme',
        messageGapMs: 50,
        features: [
          { index: 0, output: { Vibrate: { value: [0, 20] } } },
          { index: 1, input: { Battery: { value: [0, 100], command: ['Read'] } } },
        ],
      },
      {
        name: 'ACME Spinner',
        protocol: 'acme',
        messageGapMs: 50,
        features: [{ index: 2, output: { Rotate: { value: [-10, 10] } } }],
      },
      {
        name: 'Solo Stroker',
        protocol: 'solo',
        features: [
          {
            index: 0,
            output: { HwPositionWithDuration: { value: [0, 99], duration: [0, 100000] } },
          },
        ],
      },
    ]);
  });

  it('refuses what it does not know rather than guessing', () => {
    expect(() => deriveCatalogue(database, ['nope'])).toThrow(/no protocol "nope"/);
    const odd = structuredClone(database);
    odd.protocols.solo.defaults.features[0] = {
      id: 'h',
      index: 0,
      output: { shock: { value: [0, 1] } },
    } as never;
    expect(() => deriveCatalogue(odd, ['solo'])).toThrow(/unknown output "shock"/);
  });

  it('writes one device per line', () => {
    const text = formatCatalogue(deriveCatalogue(database, ['acme', 'solo']));
    expect(text.split('\n')).toHaveLength(3 + 5 + 1);
    expect(JSON.parse(text)).toEqual(deriveCatalogue(database, ['acme', 'solo']));
  });

  const source = fileURLToPath(
    new URL('../../../../shared/buttplug/buttplug-device-config-v4.json', import.meta.url),
  );
  it.skipIf(!existsSync(source))('the shipped catalogue is what the database gives today', () => {
    const derived = formatCatalogue(
      deriveCatalogue(
        JSON.parse(readFileSync(source, 'utf8')),
        undefined,
        'buttplug-device-config-v4.json',
      ),
    );
    expect(readFileSync(CATALOGUE_PATH, 'utf8')).toBe(derived);
  });
});
