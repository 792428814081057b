import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_TRACES_DIR, exampleTraceFiles } from './example-traces';

describe('examples/traces', () => {
  const files = exampleTraceFiles();

  it('holds exactly the generated examples', () => {
    expect(readdirSync(EXAMPLE_TRACES_DIR).sort()).toEqual(Object.keys(files).sort());
  });

  it.each(Object.entries(files))(
    '%s is what example-traces.ts generates (run `npx tsx src/cli/detect/example-traces.ts` to update)',
    (name, text) => {
      expect(readFileSync(join(EXAMPLE_TRACES_DIR, name), 'utf8')).toBe(text);
      // Small enough to read and to keep in the repository.
      expect(Buffer.byteLength(text)).toBeLessThan(200 * 1024);
    },
  );
});
