import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Redline's own folder (where its package.json is), found from this module's place: the same
 * answer whether the sources run through tsx or the server runs as one bundle from dist/server
 * (decision 0018). Files that ship with Redline (the web build, device data, examples) are found
 * from here, never from a module's own depth.
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isRedline(manifest)) return dir;
    if (dirname(dir) === dir)
      throw new Error(
        `Redline's package.json was not found above ${from}: is Redline installed whole?`,
      );
  }
}

function isRedline(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'redline';
  } catch {
    return false;
  }
}

/** A path inside Redline's folder. */
export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
