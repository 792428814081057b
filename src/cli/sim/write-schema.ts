import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { scenarioSchema } from './scenario';

/**
 * Writes docs/scenario.schema.json from the zod scenario schema, so editors can check scenario
 * files and the docs never drift from what `redline sim` accepts. Run: `npm run schema`.
 * Checks across fields (times in order, devices that exist) are not expressible here; the CLI
 * reports them.
 */
export const SCHEMA_PATH = fileURLToPath(
  new URL('../../../docs/scenario.schema.json', import.meta.url),
);

export async function scenarioJsonSchemaText(): Promise<string> {
  // "input": fields with a default are optional, as they are in a scenario file.
  const { $schema, ...schema } = z.toJSONSchema(scenarioSchema, { io: 'input' });
  const documented = {
    $schema,
    title: 'Redline scenario',
    description:
      'A scenario for `redline sim`: an agreement, simulated devices and a timeline of actions. Generated from src/cli/sim/scenario.ts; see docs/cli.md.',
    ...schema,
  };
  // Formatted as the repository's prettier would, so `prettier --check` and the test agree.
  const options = (await resolveConfig(SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(documented), { ...options, filepath: SCHEMA_PATH });
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  writeFileSync(SCHEMA_PATH, await scenarioJsonSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
