/**
 * PostgreSQL stops and starts again under light load. While it is down /api/health answers 503 (and
 * a submission a 503 with a message, never a silent loss, and a requester's status page a 503 page
 * with Retry-After); after it is back the same app process serves again, and every submission it
 * accepted (201) is in the database.
 *   npm run build && npx tsx tests/load/db-restart.ts
 */
import pg from 'pg';
import { prepareDatabase } from '../../scripts/prepare-database';
import { check, restartableDatabase, startApp, waitFor } from './harness';

async function main() {
  const started = Date.now();
  const database = await restartableDatabase();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await prepareDatabase(database.url);
    app = await startApp({ databaseUrl: database.url, env: { WORKER_IN_PROCESS: 'true' } });
    const { url } = app;
    const appPid = app.proc.child.pid;

    const accepted: string[] = [];
    const statuses = new Map<number, number>();
    let unexplained = 0;
    let sending = true;
    let n = 0;
    // Light load: one submission at a time, every 50 ms.
    const load = (async () => {
      while (sending) {
        n += 1;
        const res = await fetch(`${url}/api/v1/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: `restart.${n}.${Date.now()}@example.com`,
            types: ['access'],
            jurisdiction: 'UK',
            confirm: true,
          }),
        }).catch(() => null);
        const status = res?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) accepted.push((await res!.json()).id);
        else if (res && !(await res.json().catch(() => null))?.error?.message) unexplained += 1;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    await new Promise((r) => setTimeout(r, 2000));
    const statusLink = await confirmOne(url, database.url);
    check((await fetch(`${url}${statusLink}`)).status === 200, 'a confirmed request’s status page answers 200');
    const beforeStop = accepted.length;
    await database.stop();
    console.log('[db-restart] PostgreSQL stopped');
    const downFor = await waitFor(async () => (await fetch(`${url}/api/health`)).status === 503, 10_000);
    const health = await fetch(`${url}/api/health`);
    check(health.status === 503, `/api/health answers 503 while the database is down (after ${downFor} ms)`);
    const statusDown = await fetch(`${url}${statusLink}`);
    const statusDownText = await statusDown.text();
    check(
      statusDown.status === 503 &&
        statusDown.headers.get('retry-after') === '30' &&
        statusDownText.includes('We cannot show your request right now'),
      `the status page answers 503 with Retry-After and says so while the database is down (${statusDown.status})`,
    );
    await new Promise((r) => setTimeout(r, 3000));
    const acceptedWhileDown = accepted.length;

    await database.start();
    console.log('[db-restart] PostgreSQL started again');
    const recovery = await waitFor(async () => (await fetch(`${url}/api/health`)).status === 200, 30_000);
    check(true, `/api/health answers 200 again ${recovery} ms after PostgreSQL is back`);
    const recoveredAt = accepted.length;
    check((await fetch(`${url}${statusLink}`)).status === 200, 'the status page answers 200 again after recovery');
    await new Promise((r) => setTimeout(r, 3000));
    sending = false;
    await load;

    check(
      app.proc.child.exitCode === null && app.proc.child.pid === appPid,
      'the same app process served throughout (no restart)',
    );
    check(
      accepted.length > recoveredAt,
      `submissions are accepted again after recovery (${accepted.length - recoveredAt} more)`,
    );
    check(beforeStop > 0, `submissions were accepted before the stop (${beforeStop})`);
    check(!statuses.has(500), 'no 500: a submission while the database is down gets a 503 with a message');
    check(unexplained === 0, 'every refusal carries a message');

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const found = await client.query('SELECT count(*)::int AS n FROM privacy_request WHERE id = ANY($1::uuid[])', [
      accepted,
    ]);
    const audits = await client.query(
      "SELECT count(DISTINCT request_id)::int AS n FROM audit_event WHERE action = 'request.submitted' AND request_id = ANY($1::uuid[])",
      [accepted],
    );
    await client.end();
    check(
      found.rows[0].n === accepted.length,
      `every accepted request is in the database (${found.rows[0].n}/${accepted.length})`,
    );
    check(
      audits.rows[0].n === accepted.length,
      `every accepted request has its audit event (${audits.rows[0].n}/${accepted.length})`,
    );

    console.log(
      `[db-restart] submissions: ${n} sent, ${accepted.length} accepted (${acceptedWhileDown - beforeStop} while stopping), statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    // What the server logged is the only way to see why a status was wrong: show its end.
    if (app) console.error(`[db-restart] server output (last 8,000 characters):\n${app.proc.output().slice(-8000)}`);
    throw error;
  } finally {
    await app?.proc.stop();
    await database.destroy();
  }
}

/**
 * Confirms one accepted request from its verification email (the dev transport keeps the text in
 * outbox_email) and returns its status page's path, token included.
 */
async function confirmOne(url: string, databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let token: string | undefined;
  try {
    await waitFor(async () => {
      const { rows } = await client.query(
        "SELECT text FROM outbox_email WHERE template = 'verify-request' AND status = 'sent' LIMIT 1",
      );
      token = rows[0] && /\/verify\?token=([A-Za-z0-9_-]{43})/.exec(rows[0].text)?.[1];
      return Boolean(token);
    }, 20_000);
  } finally {
    await client.end();
  }
  const res = await fetch(`${url}/verify/confirm`, {
    method: 'POST',
    body: new URLSearchParams({ token: token! }),
    redirect: 'manual',
  });
  const location = res.headers.get('location') ?? '';
  check(res.status === 303 && location.startsWith('/status/'), `a request confirmed from its email (${res.status})`);
  return location;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
