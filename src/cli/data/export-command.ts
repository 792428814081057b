import { exportAll, formatExport } from '../../server/store/export';
import { StoreError } from '../../server/store/store-error';
import { stringFlag } from '../args';
import { EXIT, type CliIo } from '../io';
import { dataPlace, openFailureStatus, plural, writePrivateFile } from './data-options';
import type { DataRun } from './data-run';

/**
 * `redline data export [--out FILE]`: every table of the store as one JSON document, on
 * standard output or into FILE (mode 0600). The document is not encrypted, whatever the store.
 */
export function exportCommand({ flags, io, env, passphrase, fail }: DataRun): number {
  const place = dataPlace(flags, env, passphrase);
  const out = stringFlag(flags, 'out');
  let text: string;
  let counts: { scenes: number; negotiations: number; rows: number };
  try {
    const data = exportAll(place.database, place.options);
    text = formatExport(data);
    counts = {
      scenes: data.tables['scenes']?.length ?? 0,
      negotiations: data.tables['negotiations']?.length ?? 0,
      rows: Object.values(data.tables).reduce((sum, rows) => sum + rows.length, 0),
    };
  } catch (error) {
    if (error instanceof StoreError) return fail([error.message], openFailureStatus(error));
    throw error;
  }
  if (out === undefined) io.stdout(text);
  else {
    const written = writePrivateFile(out, text);
    if (!written.ok) return fail(written.errors);
  }
  note(io, out, counts);
  return EXIT.ok;
}

function note(
  io: CliIo,
  out: string | undefined,
  counts: { scenes: number; negotiations: number; rows: number },
) {
  const what =
    `${plural(counts.scenes, 'scene')} and ${plural(counts.negotiations, 'negotiation')} ` +
    `(${plural(counts.rows, 'row')} in all)`;
  io.stderr(
    `redline data: exported ${what}${out === undefined ? '' : ` to ${out}`}.\n` +
      'redline data: the export is not encrypted and holds private answers: keep it private.\n',
  );
}
