/**
 * Bundles the pages' islands (app/components/islands.ts) with esbuild: React, react-dom's client and
 * what each island imports, without Next.js's client runtime. Minified ES modules with content-hashed
 * names in public/islands/, code split so that what an island loads later (the request form's
 * schema) is a chunk of its own; then the manifest lib/generated/islands.json, which the pages read.
 *   tsx scripts/build-islands.ts            production build (npm run build, postinstall, lint)
 *   tsx scripts/build-islands.ts --dev      React's development build in public/islands-dev/, once
 * `npm run dev` runs the development build in watch mode (scripts/dev.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { IslandManifest, IslandMode, IslandName } from '../app/components/islands';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = path.join(ROOT, 'lib/generated/islands.json');

const ENTRIES: Record<IslandName, string> = { 'request-form': 'app/(public)/request-form.island.tsx' };

/** Where each build goes, under public/: the two never overwrite each other's files. */
const OUT = { production: 'islands', development: 'islands-dev' } as const satisfies Record<IslandMode, string>;

/** Next.js 16's default browser targets, so the islands run wherever its pages do. */
const TARGET = ['chrome111', 'edge111', 'firefox111', 'safari16.4'];

function options(mode: IslandMode): esbuild.BuildOptions {
  const production = mode === 'production';
  return {
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: path.join(ROOT, 'public', OUT[mode]),
    publicPath: `/${OUT[mode]}`,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: TARGET,
    jsx: 'automatic',
    // React's production build (no dev checks, a third of the size) unless this is `npm run dev`.
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    minify: production,
    sourcemap: production ? false : 'linked',
    metafile: true,
    logLevel: 'warning',
  };
}

/** Each entry's URL, then the chunks it imports statically (not the ones it loads later). */
function entryScripts(metafile: esbuild.Metafile, mode: IslandMode): Partial<Record<IslandName, string[]>> {
  const url = (output: string) => `/${OUT[mode]}/${path.basename(output)}`;
  const byEntry: Partial<Record<IslandName, string[]>> = {};
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    const name = (Object.keys(ENTRIES) as IslandName[]).find((n) => meta.entryPoint === ENTRIES[n]);
    if (!name) continue;
    const files: string[] = [];
    const visit = (file: string) => {
      if (files.includes(file)) return;
      files.push(file);
      for (const imported of metafile.outputs[file]?.imports ?? [])
        if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(output);
    byEntry[name] = files.map(url);
  }
  return byEntry;
}

/** Writes this mode's part of the manifest, keeping the other mode's. */
function writeManifest(mode: IslandMode, scripts: Partial<Record<IslandName, string[]>>) {
  const current: IslandManifest = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : {};
  mkdirSync(path.dirname(MANIFEST), { recursive: true });
  writeFileSync(MANIFEST, `${JSON.stringify({ ...current, [mode]: scripts }, null, 2)}\n`);
}

export async function buildIslands(mode: IslandMode): Promise<void> {
  const started = Date.now();
  rmSync(path.join(ROOT, 'public', OUT[mode]), { recursive: true, force: true });
  const result = await esbuild.build(options(mode));
  writeManifest(mode, entryScripts(result.metafile!, mode));
  console.log(`[islands] ${mode} build in public/${OUT[mode]}/ after ${Date.now() - started} ms`);
}

/**
 * An island's first-load scripts in the production build, bundled in memory from the current
 * sources (nothing written): for app/components/islands.test.ts, which holds them to the budget.
 */
export async function firstLoadScripts(name: IslandName): Promise<{ url: string; contents: Uint8Array }[]> {
  const result = await esbuild.build({ ...options('production'), write: false });
  const contents = new Map(result.outputFiles.map((file) => [path.basename(file.path), file.contents]));
  return (entryScripts(result.metafile!, 'production')[name] ?? []).map((url) => ({
    url,
    contents: contents.get(path.basename(url))!,
  }));
}

/** `npm run dev`: the development build, rebuilt (and its manifest rewritten) on every change. */
export async function watchIslands(): Promise<esbuild.BuildContext> {
  const mode = 'development';
  rmSync(path.join(ROOT, 'public', OUT[mode]), { recursive: true, force: true });
  const context = await esbuild.context({
    ...options(mode),
    plugins: [
      {
        name: 'manifest',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length || !result.metafile) return;
            // Hashed names change with every rebuild: keep only this build's files.
            const outdir = path.join(ROOT, 'public', OUT[mode]);
            const current = new Set(Object.keys(result.metafile.outputs).map((output) => path.resolve(ROOT, output)));
            for (const file of readdirSync(outdir))
              if (!current.has(path.join(outdir, file))) rmSync(path.join(outdir, file));
            writeManifest(mode, entryScripts(result.metafile, mode));
            console.log('[islands] development build updated');
          });
        },
      },
    ],
  });
  // One build before returning, so the manifest names files that exist when the pages first ask.
  await context.rebuild();
  await context.watch();
  return context;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  buildIslands(process.argv.includes('--dev') ? 'development' : 'production').catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
