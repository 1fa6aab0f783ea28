/**
 * The production build (`npm run build` first) on a throwaway database, for the benches that measure
 * pages: bench/page-weight.ts and bench/lighthouse.ts.
 */
import { prepareDatabase } from '../scripts/prepare-database';
import { restartableDatabase, startApp } from '../tests/load/harness';

/** Starts the built app, runs `measure` against its address, stops everything; the exit code says whether the budget held. */
export function benchBuiltApp(measure: (base: string) => Promise<boolean>) {
  const run = async () => {
    const database = await restartableDatabase();
    let app: Awaited<ReturnType<typeof startApp>> | undefined;
    try {
      await prepareDatabase(database.url);
      app = await startApp({ databaseUrl: database.url, env: { WORKER_IN_PROCESS: 'true' } });
      return await measure(app.url);
    } finally {
      await app?.proc.stop();
      await database.destroy();
    }
  };
  run().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** A real status page: a request submitted through the API and confirmed with the emailed link. */
export async function confirmedStatusPath(base: string): Promise<string> {
  const email = `bench.${Date.now()}@example.com`;
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
  if (!token) throw new Error('the verification email did not arrive');
  const confirmed = await fetch(`${base}/verify/confirm`, {
    method: 'POST',
    body: new URLSearchParams({ token }),
    redirect: 'manual',
  });
  return confirmed.headers.get('location')!;
}
