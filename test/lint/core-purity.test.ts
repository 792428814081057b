import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint rule that keeps the core pure (DESIGN.md "Architecture", STYLE.md): no Node built-ins,
 * sockets, storage, timers, clocks or randomness under src/core. The same code elsewhere is fine.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

const PURITY_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
  'no-restricted-syntax',
]);

/** One offence per line, so each report can be matched to what it is about. */
const OFFENDING = [
  "import { readFileSync } from 'node:fs';",
  "import WebSocket from 'ws';",
  "import { open } from 'fs';",
  "import { serve } from '../../server/http';",
  'export const wall = Date.now();',
  'export const dice = Math.random();',
  'export const timer = setTimeout(() => undefined, 10);',
  'export const again = setInterval(() => undefined, 10);',
  'export const born = new Date();',
  'export const env = process.env;',
  'export const id = crypto.randomUUID();',
  'export const same = [readFileSync, WebSocket, open, serve];',
].join('\n');

type Report = { line: number; ruleId: string | null };

/**
 * Lints the offending code as if it were at `filePath`, with the project's own config. Type-aware
 * rules are switched off (the purity rules need no types), so the probe files need not exist.
 */
async function reports(filePath: string): Promise<Report[]> {
  const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
  const [result] = await eslint.lintText(OFFENDING, { filePath });
  if (result === undefined) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal === true);
  if (fatal.length > 0) throw new Error(`ESLint could not lint ${filePath}: ${fatal[0]?.message}`);
  return result.messages
    .filter((m) => m.ruleId !== null && PURITY_RULES.has(m.ruleId))
    .map((m) => ({ line: m.line, ruleId: m.ruleId }));
}

describe('core purity lint rule', () => {
  let core: Report[] = [];
  let shell: Report[] = [];
  let coreTest: Report[] = [];

  beforeAll(async () => {
    [core, shell, coreTest] = await Promise.all([
      reports('src/core/scene/purity-probe.ts'),
      reports('src/cli/purity-probe.ts'),
      reports('src/core/scene/purity-probe.test.ts'),
    ]);
  }, 60_000);

  it.each([
    [1, 'no-restricted-imports', 'node:fs'],
    [2, 'no-restricted-imports', 'ws'],
    [3, 'no-restricted-imports', 'fs'],
    [4, 'no-restricted-imports', 'an import from the shell'],
    [5, 'no-restricted-properties', 'Date.now()'],
    [6, 'no-restricted-properties', 'Math.random()'],
    [7, 'no-restricted-globals', 'setTimeout'],
    [8, 'no-restricted-globals', 'setInterval'],
    [9, 'no-restricted-syntax', 'new Date()'],
    [10, 'no-restricted-globals', 'process'],
    [11, 'no-restricted-properties', 'crypto.randomUUID()'],
  ])('reports line %i (%s: %s) under src/core', (line, ruleId) => {
    expect(core).toContainEqual({ line, ruleId });
  });

  it('reports nothing else under src/core', () => {
    expect(core.map((r) => r.line).sort((a, b) => a - b)).toStrictEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
  });

  it('does not apply outside the core', () => {
    expect(shell).toStrictEqual([]);
  });

  it('does not apply to the core’s own tests, which may use Node', () => {
    expect(coreTest).toStrictEqual([]);
  });
});
