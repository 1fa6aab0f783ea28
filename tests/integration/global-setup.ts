import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../lib/db/schema-engine';
import { migrateQueue } from '../../lib/worker/worker';
import { createTestDatabase } from '../support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

/** One fresh, migrated database for the whole integration run. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  await applyMigrations(database.url);
  await migrateQueue(database.url);
  project.provide('databaseUrl', database.url);
  project.provide('serverUrl', database.serverUrl);
  return async () => {
    await database.stop();
  };
}
