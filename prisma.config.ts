import { defineConfig } from 'prisma/config';

// Only `prisma generate` and, where Prisma's native engine can be fetched, `prisma migrate deploy`
// use this file. The app applies migrations itself (scripts/migrate.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
