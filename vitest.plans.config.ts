import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The query-plan guard (`npm run test:plans`, run by .ci/run after the integration suite): the
 * hot queries' plans on a seeded database, checked for the shape they were designed for. Plans, not
 * timings, so it is stable on a noisy machine; apart from `npm test` because it seeds 100,000 rows.
 */
export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    name: 'plans',
    include: ['tests/plans/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/integration/global-setup.ts'],
    setupFiles: ['tests/integration/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
