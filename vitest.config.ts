import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Property tests run many thousands of scene steps; keep them deterministic, not fast.
    testTimeout: 60_000,
  },
});
