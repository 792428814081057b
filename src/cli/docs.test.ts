import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIo } from './capture-io';
import { main } from './main';
import { ACTIONS, parseScenario } from './sim/scenario';

/** docs/cli.md is what outside users write scenarios from: keep its examples true. */
const docs = readFileSync(fileURLToPath(new URL('../../docs/cli.md', import.meta.url)), 'utf8');
const example = fileURLToPath(new URL('../../examples/safeword-post-orgasm.json', import.meta.url));

/** The lines of the first fenced block that follows `heading`. */
function blockAfter(heading: string): string[] {
  const from = docs.indexOf(heading);
  const start = docs.indexOf('```\n', from) + 4;
  return docs.slice(start, docs.indexOf('```', start)).trimEnd().split('\n');
}

async function output(...argv: string[]): Promise<string[]> {
  const capture = captureIo();
  expect(await main(argv, capture.io)).toBe(0);
  return capture.stdout().split('\n');
}

describe('docs/cli.md', () => {
  it('its JSON lines excerpt is real output, in order', async () => {
    const real = await output('sim', '--scenario', example, '--json');
    const excerpt = blockAfter('### JSON lines');
    expect(excerpt.length).toBeGreaterThan(10);
    const positions = excerpt.map((line) => real.indexOf(line));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('its readable excerpt is real output, in order (the hash shortened)', async () => {
    const real = await output('sim', '--scenario', example);
    const excerpt = blockAfter('### Readable timeline');
    const positions = excerpt.map((line) =>
      line.endsWith('…')
        ? real.findIndex((r) => r.startsWith(line.slice(0, -1)))
        : real.indexOf(line),
    );
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('its example scenario is complete and valid', () => {
    const from = docs.indexOf('### Example');
    const start = docs.indexOf('```json\n', from) + 8;
    const parsed = parseScenario(JSON.parse(docs.slice(start, docs.indexOf('```', start))));
    expect(parsed).toMatchObject({ ok: true });
  });

  it('documents every timeline action', () => {
    for (const action of ACTIONS) expect(docs).toContain(`| \`${action}\``);
  });
});
