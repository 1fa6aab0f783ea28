/**
 * `npm test`: unit and integration tests (vitest, real PostgreSQL), then the end-to-end tests
 * (Playwright in Chromium) against the production build, building it first when it is missing or
 * older than the sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestSourceTime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'generated' || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  dirs.forEach(walk);
  for (const file of [
    'next.config.ts',
    'package.json',
    'instrumentation.ts',
    'prisma/schema.prisma',
    'scripts/build-islands.ts',
  ]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

const bin = (name: string) => path.join('node_modules', '.bin', name);

run(bin('vitest'), ['run']);

/** The islands' production build (scripts/build-islands.ts) is part of the build: its manifest must be there. */
function islandsBuilt(): boolean {
  const manifest = 'lib/generated/islands.json';
  return existsSync(manifest) && Boolean(JSON.parse(readFileSync(manifest, 'utf8')).production);
}

const buildId = '.next/BUILD_ID';
// The islands' sources are under app/ and lib/, so a change to them makes the build stale too.
if (!existsSync(buildId) || !islandsBuilt() || statSync(buildId).mtimeMs < newestSourceTime(['app', 'lib', 'emails'])) {
  console.log('\n[test] building the app for the end-to-end tests');
  run('npm', ['run', 'build']);
}
run(bin('playwright'), ['test']);
