import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * TEST_NOW runs the suite at another instant than the real one (CI runs it at several: a DST change
 * day, New Year's Eve): every Node process of the run loads tests/support/test-clock.mjs, which shifts
 * `Date` by the offset, and the embedded PostgreSQL runs under libfaketime with the same offset.
 */
const TEST_NOW = process.env.TEST_NOW;
if (TEST_NOW && process.env.TEST_CLOCK_OFFSET_MS === undefined) {
  const instant = Date.parse(TEST_NOW);
  if (Number.isNaN(instant)) throw new Error(`TEST_NOW is not an instant: ${TEST_NOW}`);
  // Whole seconds: libfaketime takes the same offset for PostgreSQL.
  process.env.TEST_CLOCK_OFFSET_MS = String(Math.round((instant - Date.now()) / 1000) * 1000);
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import ${path.join(root, 'tests/support/test-clock.mjs')}`]
    .filter(Boolean)
    .join(' ');
  console.log(`[test] the clock starts at ${new Date(instant).toISOString()} (TEST_NOW)`);
}

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'emails/**/*.test.tsx'],
          environment: 'node',
          // The property tests run thousands of cases; on two busy cores one can pass 5 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          // Files share tables: run them one after another.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
