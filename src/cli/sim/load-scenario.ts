import { basename, extname } from 'node:path';
import type { Result } from '../../core';
import { parseJson, readText } from '../read-input';
import { parseScenario, type Scenario } from './scenario';

/** Reads and validates a scenario file: every problem is named, and nothing is run. */
export function loadScenario(path: string): Result<Scenario> {
  const text = readText(path);
  if (!text.ok) return text;
  const json = parseJson(text.value);
  if (!json.ok)
    return { ok: false, errors: json.errors.map((e) => `${path} is not valid JSON: ${e}`) };
  const scenario = parseScenario(json.value);
  if (!scenario.ok)
    return {
      ok: false,
      errors: [`${path} is not a valid scenario:`, ...scenario.errors.map((e) => `  ${e}`)],
    };
  return scenario;
}

/** The scene id: the file's name without its extension, or "sim" if that is no valid id. */
export function sceneIdFor(path: string): string {
  const name = basename(path, extname(path));
  return name.length >= 1 && name.length <= 64 ? name : 'sim';
}
