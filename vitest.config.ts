import { defineConfig } from 'vitest/config';

// Three tiers (STYLE.md §9): unit (pure logic, next to the code), integration (services and
// routes on a real migrated database: PGlite by default, PostgreSQL when DATABASE_URL is set),
// and end-to-end (a real Chromium driven by playwright-core against a started server).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/media-node/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.test.ts', 'apps/media-node/test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // A page reacts in its own time on a busy machine: expect.poll waits for progress up to
          // 30 s (Vitest's default of 1 s made the browser steps depend on the machine's load).
          expect: { poll: { timeout: 30_000 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
