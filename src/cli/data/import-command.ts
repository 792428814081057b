import { lockStore } from '../../server/store/data-lock';
import { passphraseProblem, storeFileKind } from '../../server/store/encryption';
import { importAll } from '../../server/store/export';
import { reasonOf, StoreError } from '../../server/store/store-error';
import { stringFlag } from '../args';
import { EXIT } from '../io';
import { PASSPHRASE_ENV } from '../passphrase/passphrase-sources';
import { parseJson, readText } from '../read-input';
import { dataPlace, openFailureStatus, plural } from './data-options';
import type { DataRun } from './data-run';

/**
 * `redline data import --in FILE`: an export written back into the store (created if missing),
 * in one transaction. Anything wrong with the file, or a row already in the store, refuses the
 * whole import with nothing written.
 */
export function importCommand({ flags, io, env, passphrase, fail }: DataRun): number {
  const path = stringFlag(flags, 'in');
  if (path === undefined) return fail(['--in FILE is required', 'see redline data --help']);
  const place = dataPlace(flags, env, passphrase);
  // A new store is created encrypted with the passphrase: hold it to the rule `serve` keeps.
  const weak =
    passphrase !== undefined && storeFileKind(place.database) === 'new'
      ? passphraseProblem(passphrase)
      : null;
  if (weak !== null) return fail([`${PASSPHRASE_ENV} or --passphrase-file: ${weak}`]);
  const text = readText(path);
  if (!text.ok) return fail(text.errors);
  const json = parseJson(text.value);
  const refused = (errors: readonly string[]) =>
    fail([`${path} was not imported (nothing was written):`, ...errors.map((e) => `  ${e}`)]);
  if (!json.ok) return refused(json.errors.map((e) => `not valid JSON: ${e}`));
  // Not into a store a server is using: it would add scenes behind that server's back.
  let locked: ReturnType<typeof lockStore>;
  try {
    locked = lockStore(place.database);
  } catch (error) {
    return fail([`could not take the data folder's lock: ${reasonOf(error)}`]);
  }
  if (!locked.ok) return fail([`${locked.error} Nothing was imported.`]);
  const { lock } = locked;
  try {
    const result = importAll(place.database, json.value, place.options);
    if (!result.ok) return refused(result.errors);
    const { scenes, events, negotiations } = result.value;
    io.stdout(
      `Imported ${plural(scenes, 'scene')} (${plural(events, 'event')}) and ` +
        `${plural(negotiations, 'negotiation')} into ${place.database}.\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof StoreError) return fail([error.message], openFailureStatus(error));
    throw error;
  } finally {
    lock.release();
  }
}
