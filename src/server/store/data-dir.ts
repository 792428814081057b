import { join, posix, win32 } from 'node:path';

/**
 * Where Redline keeps its data when nobody says otherwise: each platform's usual place for an
 * application's own files. Pure (environment, platform and home are passed in) so every platform
 * can be tested on any machine.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32') {
    const appData = nonEmpty(env['APPDATA']);
    return appData === undefined
      ? win32.join(home, 'AppData', 'Roaming', 'Redline')
      : win32.join(appData, 'Redline');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Redline');
  // Linux and every other Unix: the XDG base directories. The spec says a relative
  // XDG_DATA_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env['XDG_DATA_HOME']);
  return xdg !== undefined && posix.isAbsolute(xdg)
    ? posix.join(xdg, 'redline')
    : posix.join(home, '.local', 'share', 'redline');
}

export function databasePath(dir: string): string {
  return join(dir, 'redline.sqlite');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
