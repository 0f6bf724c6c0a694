import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One browser and one server per file; files run one after another to keep two cores calm.
    fileParallelism: false,
    // The UI loads pages and languages on demand; give it time on a busy two-core machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
