import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, defaultDataDir } from './data-dir';

describe('defaultDataDir', () => {
  it('follows XDG on Linux, and on other Unixes', () => {
    expect(defaultDataDir({}, 'linux', '/home/sam')).toBe('/home/sam/.local/share/redline');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data/sam' }, 'linux', '/home/sam')).toBe(
      '/data/sam/redline',
    );
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'freebsd', '/home/sam')).toBe(
      '/data/redline',
    );
  });

  it('ignores an empty or relative XDG_DATA_HOME, as the XDG spec says', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '' }, 'linux', '/home/sam')).toBe(
      '/home/sam/.local/share/redline',
    );
    expect(defaultDataDir({ XDG_DATA_HOME: 'data' }, 'linux', '/home/sam')).toBe(
      '/home/sam/.local/share/redline',
    );
  });

  it('uses Application Support on macOS, whatever XDG says', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'darwin', '/Users/sam')).toBe(
      '/Users/sam/Library/Application Support/Redline',
    );
  });

  it('uses %APPDATA% on Windows, falling back to the roaming folder under home', () => {
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\Sam\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Sam'),
    ).toBe('C:\\Users\\Sam\\AppData\\Roaming\\Redline');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\Sam')).toBe(
      'C:\\Users\\Sam\\AppData\\Roaming\\Redline',
    );
  });
});

describe('databasePath', () => {
  it('is redline.sqlite in the data folder', () => {
    expect(databasePath(join('some', 'dir'))).toBe(join('some', 'dir', 'redline.sqlite'));
  });
});
