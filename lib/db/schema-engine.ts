/**
 * Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg. Prisma's CLI
 * would download a native engine, which cannot be fetched everywhere this portal runs; the
 * WebAssembly build applies the same `prisma/migrations` folder and fills `_prisma_migrations`
 * exactly as `prisma migrate deploy` does, so both routes stay interchangeable.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

export const SCHEMA_PATH = path.resolve(process.cwd(), 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');

const noFilters = { externalTables: [], externalEnums: [] };

export async function loadMigrationList(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      directories.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/**
 * Two repairs to @prisma/adapter-pg for the schema engine's use.
 * 1. It refuses PostgreSQL's internal "char" type (OID 18), which the engine's catalog
 * queries return, before any type parser runs. Let the adapter read those columns as text, then
 * report them to the engine as characters.
 * 2. Its executeScript splits on ";" (see below).
 * Both lean on adapter internals (`performIO`, `client`): the versions are pinned and the migration
 * tests guard them.
 */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PerformIO = (query: unknown) => Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;

function withCharColumns<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === 'queryRaw') {
        return async (query: unknown) => {
          const charColumns: number[] = [];
          const performIO = (obj as unknown as { performIO: PerformIO }).performIO.bind(obj);
          const patched = Object.create(obj, {
            performIO: {
              value: async (q: unknown) => {
                const result = await performIO(q);
                const fields = result.fields.map((field, index) => {
                  if (field.dataTypeID !== PG_CHAR_OID) return field;
                  charColumns.push(index);
                  return { ...field, dataTypeID: PG_TEXT_OID };
                });
                return { ...result, fields };
              },
            },
          });
          const result = await (value as (q: unknown) => Promise<{ columnTypes: number[] }>).call(patched, query);
          for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
          return result;
        };
      }
      if (prop === 'executeScript') {
        // The adapter splits scripts on every ";", which breaks function bodies and comments; PostgreSQL
        // runs a multi-statement script itself, as the native engine does with a migration file.
        return async (script: string) => {
          const client = (obj as unknown as { client: pg.Pool }).client;
          await client.query(script);
        };
      }
      if (prop === 'startTransaction') {
        return async (...args: unknown[]) =>
          withCharColumns(await (value as (...a: unknown[]) => Promise<object>).apply(obj, args));
      }
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

function adapterFactory(pool: pg.Pool, shadowUrl?: string): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(pool);
  const shadow = shadowUrl ? new PrismaPg({ connectionString: shadowUrl, max: 1 }) : null;
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withCharColumns(await main.connect()),
    connectToShadowDb: async () => {
      if (!shadow) throw new Error('No shadow database configured');
      return withCharColumns(await shadow.connect());
    },
  };
}

let engineClass: Promise<typeof SchemaEngine> | undefined;

/** The package is built for bundlers (it imports a .wasm file); Node needs the module wired by hand. */
function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    // The engine reports a Rust panic's message through this global before it throws.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`Prisma schema engine panicked: ${message}`),
    };
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const bindings = engineBindings as unknown as Record<string, unknown> & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
      SchemaEngine: typeof SchemaEngine;
    };
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bindings as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine;
  })();
  return engineClass;
}

async function withEngine<T>(
  url: string,
  options: { shadowUrl?: string; schema?: string },
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  // One connection of its own: the engine's migration advisory lock lives as long as it.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const datamodels: [string, string][] | undefined = options.schema ? [[SCHEMA_PATH, options.schema]] : undefined;
  const Engine = await loadSchemaEngine();
  const engine = await Engine.new(
    { datamodels },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory(pool, options.shadowUrl)),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies every migration of prisma/migrations not yet applied; returns the names it applied. */
export async function applyMigrations(url: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await loadMigrationList(migrationsDir);
  return withEngine(url, {}, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

export type DiffSide = { kind: 'empty' } | { kind: 'schema'; content: string } | { kind: 'migrations'; dir?: string };

/**
 * SQL that turns `from` into `to` ("-- This is an empty migration." when they agree).
 * `migrations` replays the folder in the shadow database at `shadowUrl`, which must exist and be empty.
 */
export async function diffSchemas(options: {
  url: string;
  shadowUrl?: string;
  from: DiffSide;
  to: DiffSide;
}): Promise<string> {
  const target = async (side: DiffSide) => {
    switch (side.kind) {
      case 'empty':
        return { tag: 'empty' as const };
      case 'schema':
        return { tag: 'schemaDatamodel' as const, files: [{ path: SCHEMA_PATH, content: side.content }] };
      case 'migrations':
        return { tag: 'migrations' as const, ...(await loadMigrationList(side.dir)) };
    }
  };
  const from = await target(options.from);
  const to = await target(options.to);
  return withEngine(options.url, { shadowUrl: options.shadowUrl }, async (engine) => {
    const result = await engine.diff({ from, to, script: true, exitCode: true, filters: noFilters } as never);
    return (result as { stdout?: string }).stdout ?? '';
  });
}
