import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          // Projects run one after another: API and browser tests each start their own PostgreSQL.
          sequence: { groupOrder: 1 },
          include: ['src/server/**/*.test.ts', 'test/api/**/*.test.ts'],
          globalSetup: ['test/helpers/global-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          // Each file builds its own app on its own database copy; sharing the loaded modules between
          // files halves the run (the server's modules load once per worker, not once per file).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          // A page answers within a second or two, not always within expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/global-db.ts', 'test/helpers/global-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
