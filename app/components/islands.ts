/**
 * The scripts of the pages' islands: small React roots hydrated into pages that route handlers
 * render (app/components/static-page.tsx), bundled by scripts/build-islands.ts into
 * public/islands/ (public/islands-dev/ for `npm run dev`) under content-hashed names. The manifest
 * it writes names each island's entry and the chunks the entry imports, so the page asks for all
 * of them at once rather than one after the other.
 */
import manifest from '@/lib/generated/islands.json';
import { env } from '@/lib/env';

/** Each island's entry module is listed in scripts/build-islands.ts. */
export type IslandName = 'request-form';

export type IslandMode = 'production' | 'development';
export type IslandManifest = Partial<Record<IslandMode, Partial<Record<IslandName, string[]>>>>;

/** The URLs of an island's scripts, entry first: the development bundle under `next dev`, else the production one. */
export function islandScripts(name: IslandName): readonly string[] {
  const mode: IslandMode = env().NODE_ENV === 'development' ? 'development' : 'production';
  const sources = (manifest as IslandManifest)[mode]?.[name];
  if (!sources?.length)
    throw new Error(`The ${name} island has no ${mode} build: run \`npm run build\` (or \`npm run dev\`).`);
  return sources;
}
