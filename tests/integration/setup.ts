import { afterAll, inject } from 'vitest';

// Before any app module reads its configuration: this file runs first in every test file.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.OPENAPI_EXERCISED_LOG = inject('openapiExercisedLog');
process.env.LOG_LEVEL ??= 'silent';
process.env.APP_URL = 'http://portal.test';
delete process.env.RESEND_API_KEY;

afterAll(async () => {
  const { disconnectDb } = await import('../../lib/db');
  await disconnectDb();
});
