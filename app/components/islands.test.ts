import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import manifest from '@/lib/generated/islands.json';
import { firstLoadScripts } from '@/scripts/build-islands';
import type { IslandManifest } from './islands';

/**
 * A guard on what the public pages load: issue #7's budget for the request form (120 KB of
 * JavaScript, gzip) and nothing of the staff workspace's charts, measured on a production bundle of
 * the current sources (so an edit since the last build counts). bench/page-weight.ts measures the
 * same on the served page.
 */
const BUDGET_KB = 120;
const scripts = (manifest as IslandManifest).production?.['request-form'] ?? [];
const read = (url: string) => readFileSync(path.join(process.cwd(), 'public', url));
const firstLoad = () => firstLoadScripts('request-form');

describe('the request form island', () => {
  it('has a production build with every script it names', () => {
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) expect(read(url).length, url).toBeGreaterThan(0);
  });

  it(`loads at most ${BUDGET_KB} KB of JavaScript (gzip) at first`, async () => {
    const files = await firstLoad();
    expect(files.length).toBeGreaterThan(0);
    const kb = files.reduce((sum, { contents }) => sum + gzipSync(contents, { level: 6 }).length, 0) / 1024;
    expect(kb).toBeLessThanOrEqual(BUDGET_KB);
  });

  it('bundles nothing of the staff charts', async () => {
    for (const { url, contents } of await firstLoad())
      expect(Buffer.from(contents).toString('utf8'), url).not.toMatch(/recharts/);
  });
});
