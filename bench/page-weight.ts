/**
 * First-load JavaScript of the public form page and the status page, from the production build:
 * starts the built app on a throwaway database, opens a real status page (submit, confirm), and sums
 * the gzip size of every script the HTML loads, in every language. Budgets: form ≤ 120 KB, status ≤ 100 KB (gzip).
 *   npm run build && npm run bench:page-weight
 */
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { LOCALES, PSEUDO_LOCALE } from '../lib/universal/i18n/locales';
import { benchBuiltApp, confirmedStatusPath } from './built-app';

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
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (n, m) => n + Buffer.byteLength(m[1]),
    0,
  );
  return {
    scripts: sources.length,
    rawKb: raw / 1024,
    gzipKb: gzip / 1024,
    inlineKb: inline / 1024,
    htmlGzipKb: gzipSync(html).length / 1024,
  };
}

/** Every language, and the pseudo-locale (the longest words): the form's island is sent only its locale's messages. */
const LANGS = [...LOCALES, PSEUDO_LOCALE];

benchBuiltApp(async (base) => {
  const statusPath = await confirmedStatusPath(base);
  const results: Record<string, Awaited<ReturnType<typeof scriptWeight>>> = {};
  for (const lang of LANGS) results[`form ${lang}`] = await scriptWeight(base, `/?lang=${lang}`);
  for (const lang of LANGS) results[`status ${lang}`] = await scriptWeight(base, `${statusPath}&lang=${lang}`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`,
  );
  let ok = true;
  for (const [name, r] of Object.entries(results)) {
    const page = name.split(' ')[0] as keyof typeof BUDGETS_KB;
    const within = r.gzipKb <= BUDGETS_KB[page];
    ok &&= within;
    console.log(
      `${name.padEnd(13)} first-load JS: ${r.gzipKb.toFixed(1)} KB gzip (${r.rawKb.toFixed(1)} KB raw, ${r.scripts} scripts); inline ${r.inlineKb.toFixed(1)} KB; HTML ${r.htmlGzipKb.toFixed(1)} KB gzip — budget ${BUDGETS_KB[page]} KB: ${within ? 'within' : 'OVER'}`,
    );
  }
  return ok;
});
