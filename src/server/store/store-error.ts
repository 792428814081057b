/**
 * A storage failure, worded for people: the message names the scene or the file it concerns, so
 * the server can show it as it is. The SQLite error, when there is one, is kept as `cause`.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** The reason inside a thrown value, for a message. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** SQLite's extended result code (`SQLITE_CONSTRAINT_UNIQUE`…), when the error has one. */
export function sqliteCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
