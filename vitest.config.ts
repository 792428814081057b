import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Property tests run many thousands of scene steps; keep them deterministic, not fast.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
        },
      },
      {
        // Real Chromium against the real server (test/browser): the app is built first, once,
        // and only when these tests are part of the run.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
