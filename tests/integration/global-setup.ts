import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../lib/db/schema-engine';
import { migrateQueue } from '../../lib/worker/worker';
import { reportOpenApiCoverage } from '../support/openapi-coverage';
import { createTestDatabase } from '../support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
    openapiExercisedLog: string;
  }
}

/**
 * One fresh, migrated database for the whole integration run, and the log of the answers the OpenAPI
 * contract check saw (tests/support/openapi-contract.ts), reported on at the end.
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  await applyMigrations(database.url);
  await migrateQueue(database.url);
  project.provide('databaseUrl', database.url);
  project.provide('serverUrl', database.serverUrl);
  const logDir = mkdtempSync(path.join(tmpdir(), 'openapi-exercised-'));
  project.provide('openapiExercisedLog', path.join(logDir, 'answers.jsonl'));
  return async () => {
    await database.stop();
    try {
      // Only the integration project exercises the API; the plan guard (vitest.plans.config.ts) shares this setup.
      if (project.name === 'integration') await reportOpenApiCoverage(project, path.join(logDir, 'answers.jsonl'));
    } finally {
      rmSync(logDir, { recursive: true, force: true });
    }
  };
}
