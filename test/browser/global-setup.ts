import { rmSync } from 'node:fs';
import { ARTIFACTS, buildWebApp } from '../support/browser';

/**
 * The browser tests drive the built app: build it once, before any of them runs. Screenshots of
 * an earlier run are cleared, so the folder shows this run only.
 */
export default async function setup(): Promise<void> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  await buildWebApp();
}
