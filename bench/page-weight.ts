/**
 * First-load JavaScript of the public form page and the status page, from the production build:
 * starts the built app on a throwaway database, opens a real status page (submit, confirm), and sums
 * the gzip size of every script the HTML loads. Budgets: form ≤ 120 KB, status ≤ 100 KB (gzip).
 *   npm run build && npm run bench:page-weight
 */
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { prepareDatabase } from '../scripts/prepare-database';
import { restartableDatabase, startApp } from '../tests/load/harness';

const BUDGETS_KB = { form: 120, status: 100 };

async function scriptWeight(base: string, path: string) {
  const html = await (await fetch(`${base}${path}`)).text();
  // Modern browsers skip `nomodule` scripts (the legacy polyfills): they are not first-load JS.
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1].replace(/&amp;/g, '&')))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
    if (process.env.VERBOSE) console.log(`  ${path} ${src} ${(gzipSync(body).length / 1024).toFixed(1)} KB gzip`);
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
  return { scripts: sources.length, rawKb: raw / 1024, gzipKb: gzip / 1024, inlineKb: inline / 1024, htmlGzipKb: gzipSync(html).length / 1024 };
}

async function main() {
  const database = await restartableDatabase();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await prepareDatabase(database.url);
    app = await startApp({ databaseUrl: database.url, env: { WORKER_IN_PROCESS: 'true' } });
    const base = app.url;
    const email = `weight.${Date.now()}@example.com`;
    const created = await fetch(`${base}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, types: ['access'], jurisdiction: 'UK', confirm: true }),
    });
    if (created.status !== 201) throw new Error(`submit: ${created.status}`);
    let token: string | undefined;
    for (let i = 0; i < 100 && !token; i += 1) {
      const messages: { to: string; text: string }[] = await (await fetch(`${base}/api/dev/mailbox`)).json();
      token = /\/verify\?token=([A-Za-z0-9_-]{43})/.exec(messages.find((m) => m.to === email)?.text ?? '')?.[1];
      if (!token) await new Promise((r) => setTimeout(r, 200));
    }
    const confirmed = await fetch(`${base}/verify/confirm`, { method: 'POST', body: new URLSearchParams({ token: token! }), redirect: 'manual' });
    const statusPath = confirmed.headers.get('location')!;

    const results = { form: await scriptWeight(base, '/'), status: await scriptWeight(base, statusPath) };
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`);
    let ok = true;
    for (const [page, r] of Object.entries(results) as [keyof typeof BUDGETS_KB, Awaited<ReturnType<typeof scriptWeight>>][]) {
      const within = r.gzipKb <= BUDGETS_KB[page];
      ok &&= within;
      console.log(
        `${page.padEnd(6)} first-load JS: ${r.gzipKb.toFixed(1)} KB gzip (${r.rawKb.toFixed(1)} KB raw, ${r.scripts} scripts); inline ${r.inlineKb.toFixed(1)} KB; HTML ${r.htmlGzipKb.toFixed(1)} KB gzip — budget ${BUDGETS_KB[page]} KB: ${within ? 'within' : 'OVER'}`,
      );
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    await app?.proc.stop();
    await database.destroy();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
