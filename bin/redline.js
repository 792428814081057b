#!/usr/bin/env node
// Runs Redline's TypeScript sources directly through tsx, so a fresh clone needs no build step.
// (`npm start` runs the same entry bundled: docs/decisions/0018-compiled-server.md.)
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/entry.ts');
