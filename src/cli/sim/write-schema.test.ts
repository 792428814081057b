import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, scenarioJsonSchemaText } from './write-schema';

describe('docs/scenario.schema.json', () => {
  it('is what write-schema.ts generates from the zod schema (run `npm run schema` to update)', async () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(await scenarioJsonSchemaText());
  });
});
