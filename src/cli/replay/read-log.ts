import {
  parseWith,
  sceneEventSchema,
  type CreatedEvent,
  type Result,
  type SceneEvent,
} from '../../core';
import { parseJson } from '../read-input';

export type SceneLog = Readonly<{ created: CreatedEvent; events: readonly SceneEvent[] }>;

/** Reports at most this many problems; a broken file would otherwise flood the terminal. */
const MAX_PROBLEMS = 20;

/**
 * Parses a scene's event log (JSON lines). The file is untrusted: every line is validated with
 * the core's event schema and every problem is reported as `line N: field: problem`. Blank
 * lines are skipped.
 */
export function parseSceneLog(text: string): Result<SceneLog> {
  const problems: string[] = [];
  const events: SceneEvent[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const n = i + 1;
    const json = parseJson(line);
    if (!json.ok) {
      problems.push(...json.errors.map((e) => `line ${n}: not valid JSON: ${e}`));
      return;
    }
    const parsed = parseWith(sceneEventSchema, json.value);
    if (!parsed.ok) {
      problems.push(...parsed.errors.map((e) => `line ${n}: ${e}`));
      return;
    }
    if (events.length === 0 && parsed.value.type !== 'scene.created')
      problems.push(`line ${n}: type: a scene log starts with scene.created`);
    events.push(parsed.value);
  });
  const [first, ...rest] = events;
  if (first === undefined && problems.length === 0)
    problems.push('the log is empty: a scene log starts with scene.created');
  if (problems.length > 0 || first?.type !== 'scene.created') {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`… and ${problems.length - MAX_PROBLEMS} more`);
    return { ok: false, errors: shown };
  }
  return { ok: true, value: { created: first, events: rest } };
}
