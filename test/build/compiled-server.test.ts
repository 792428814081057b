import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../bench/load';
import { packagePath } from '../../src/package-root';

/**
 * `npm start` runs the server bundled, with the node flags the load benchmark measured it with
 * (decision 0018). The bundle must find what ships with Redline from where it lies, and the
 * benchmark must measure the server as `npm start` runs it.
 */
const scripts = (
  JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const BUNDLE_DIR = packagePath('dist', 'test-bundle');

describe('the compiled server (npm start)', () => {
  afterAll(() => {
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
  });

  it('is started with the node flags the load benchmark runs it with', () => {
    expect(scripts['start']).toContain(
      `node ${SERVER_NODE_FLAGS.join(' ')} dist/server/redline.js serve`,
    );
  });

  it('builds as `npm run build:server` does, and the bundle finds the device catalogue from dist', async () => {
    const build = scripts['build:server'] ?? '';
    expect(build).toMatch(/^esbuild src\/cli\/entry\.ts .*--outfile=dist\/server\/redline\.js/);
    const bundle = packagePath('dist', 'test-bundle', 'redline.js');
    const args = build
      .split(' ')
      .slice(1)
      .map((a) => (a.startsWith('--outfile=') ? `--outfile=${bundle}` : a));
    execFileSync(packagePath('node_modules', '.bin', 'esbuild'), args, { cwd: packagePath() });
    // The simulated device server reads data/buttplug (catalogue and schema) from the package.
    const out = await untilPrinted(bundle, ['devices', '--sim', '--port', '0'], 'Lovense Nora');
    expect(out).toContain('Redline simulated device server (Buttplug spec v4)');
    expect(out).toContain('#1 Lovense Nora: Vibrate 0 to 20');
  });
});

/** Runs the bundle until it prints `text`, then stops it with Ctrl+C; what it printed. */
function untilPrinted(file: string, args: string[], text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bundle did not print "${text}" in 20 s:\n${out}`));
    }, 20_000);
    const take = (d: Buffer) => {
      out += d.toString();
      if (out.includes(text)) child.kill('SIGINT');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}
