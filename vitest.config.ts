import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The native shell parser is not safe to share across worker threads; forks isolate it.
    pool: 'forks',
  },
});
