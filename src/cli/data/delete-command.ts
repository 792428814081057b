import { booleanFlag } from '../args';
import { deleteAll, existingDataFiles, type DeletedFile } from '../../server/store/delete';
import { EXIT } from '../io';
import { dataPlace } from './data-options';
import type { DataRun } from './data-run';

const BROWSERS =
  'Browsers keep their own part (a paired screen’s secret, the app’s settings) in their site ' +
  'data: clear it in each browser that opened Redline (see docs/data.md).';

/**
 * `redline data delete --yes`: removes the store and its companion files for good. Without
 * --yes it only says what would go, and exits 2. Refused while Redline has the store open.
 */
export function deleteCommand({ flags, io, env, fail }: DataRun): number {
  const place = dataPlace(flags, env);
  const files = existingDataFiles(place.dir);
  if (!booleanFlag(flags, 'yes')) {
    if (files.length === 0) {
      io.stderr(
        `redline data delete: there is no Redline data in ${place.dir}; nothing to delete.\n`,
      );
      return EXIT.usage;
    }
    return fail([
      `this deletes everything Redline keeps in ${place.dir}, for good:`,
      ...listed(files),
      'every scene and its events, readings, debriefs and follow-ups; every negotiation, its',
      'private answers, drafts, signatures and agreements; pairing codes and secrets.',
      'It cannot be undone. To keep a copy first: redline data export --out FILE',
      'Nothing was deleted. Run it again with --yes to delete.',
    ]);
  }
  const result = deleteAll(place.dir);
  if (!result.ok) return fail(result.errors);
  if (result.value.files.length === 0)
    io.stdout(`There was no Redline data in ${place.dir}; nothing was deleted.\n`);
  else
    io.stdout(
      [
        'Deleted for good:',
        ...listed(result.value.files),
        ...(result.value.removedDir ? [`and the empty folder ${place.dir}.`] : []),
        BROWSERS,
        '',
      ].join('\n'),
    );
  return EXIT.ok;
}

function listed(files: readonly DeletedFile[]): string[] {
  return files.map((f) => `  ${f.path} (${f.bytes} bytes)`);
}
