import { sceneTraceCsvAt } from '../../server/store/scene-trace';
import { StoreError } from '../../server/store/store-error';
import { stringFlag } from '../args';
import { EXIT } from '../io';
import { dataPlace, openFailureStatus, writePrivateFile } from './data-options';
import type { DataRun } from './data-run';

/**
 * `redline data csv --scene ID [--out FILE]`: a scene's readings and governed output in
 * Redline's plain trace format (docs/cli.md, "Trace files (CSV)"; docs/data.md).
 */
export function csvCommand({ flags, io, env, passphrase, fail }: DataRun): number {
  const sceneId = stringFlag(flags, 'scene');
  if (sceneId === undefined) return fail(['--scene ID is required', 'see redline data --help']);
  const place = dataPlace(flags, env, passphrase);
  const out = stringFlag(flags, 'out');
  try {
    const csv = sceneTraceCsvAt(place.database, sceneId, place.options);
    if (!csv.ok) return fail(csv.errors);
    if (out === undefined) io.stdout(csv.value);
    else {
      const written = writePrivateFile(out, csv.value);
      if (!written.ok) return fail(written.errors);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof StoreError) return fail([error.message], openFailureStatus(error));
    throw error;
  }
}
