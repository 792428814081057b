import process from 'node:process';
import { main } from './main';

/**
 * The `redline` command: bin/redline.js runs this through tsx (a fresh clone needs no build);
 * `npm start` runs it bundled from dist/server (decision 0018).
 */

// A reader that stops early (`redline sim … | head`) is not an error: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
