#!/usr/bin/env node
// Runs Redline's TypeScript sources directly through tsx, so a fresh clone needs no build step.
import process from 'node:process';
import { register } from 'tsx/esm/api';

// A reader that stops early (`redline sim … | head`) is not an error: end quietly.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
