/**
 * The route pattern a URL path belongs to (`/status/[id]`), for labels and span names: a raw path
 * carries ids and tokens, and would give every request its own series. Patterns come from the app/
 * folder as Next.js reads it: each folder with a page or a route handler, route groups `(public)`
 * left out, `[id]`, `[...rest]` and `[[...rest]]` as Next.js matches them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export type RoutePattern = { pattern: string; regex: RegExp; staticSegments: number };

const ENTRY_FILE = /^(page|route)\.(tsx?|jsx?)$/;

function compile(segments: string[]): RoutePattern {
  let source = '';
  let staticSegments = 0;
  for (const segment of segments) {
    if (/^\[\[\.\.\..+\]\]$/.test(segment)) source += '(?:/.*)?';
    else if (/^\[\.\.\..+\]$/.test(segment)) source += '/.+';
    else if (/^\[.+\]$/.test(segment)) source += '/[^/]+';
    else {
      source += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      staticSegments += 1;
    }
  }
  return { pattern: `/${segments.join('/')}`, regex: new RegExp(`^${source || '/'}/?$`), staticSegments };
}

/** Every page and route handler under `appDir`, the most specific first. */
export function loadRoutePatterns(appDir: string): RoutePattern[] {
  const found: RoutePattern[] = [];
  const walk = (dir: string, segments: string[]) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && ENTRY_FILE.test(e.name))) found.push(compile(segments));
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('@')) continue;
      const group = /^\(.*\)$/.test(entry.name);
      walk(path.join(dir, entry.name), group ? segments : [...segments, entry.name]);
    }
  };
  walk(appDir, []);
  const dynamicRank = (p: RoutePattern) => (p.pattern.includes('[[...') ? 2 : p.pattern.includes('[...') ? 1 : 0);
  return found.sort(
    (a, b) =>
      b.staticSegments - a.staticSegments ||
      dynamicRank(a) - dynamicRank(b) ||
      b.pattern.split('/').length - a.pattern.split('/').length,
  );
}

/** The pattern of `pathname`; Next.js's own files and the islands as one label each, anything else `unmatched`. */
export function routeOf(patterns: readonly RoutePattern[], pathname: string): string {
  if (pathname.startsWith('/_next/')) return '/_next';
  if (pathname.startsWith('/islands/') || pathname.startsWith('/islands-dev/')) return '/islands';
  if (pathname.startsWith('/styles/')) return '/styles';
  return patterns.find((p) => p.regex.test(pathname))?.pattern ?? 'unmatched';
}
