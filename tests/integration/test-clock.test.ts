import { expect, it } from 'vitest';
import { db } from '../../lib/db';

// The suite runs at other instants than the real one (TEST_NOW, vitest.config.ts). Whatever the
// instant, the test processes and PostgreSQL must read one clock, or jobs and rows would disagree.
it('Node and PostgreSQL read the same clock', async () => {
  const [{ now }] = await db().$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(2_000);
  if (process.env.TEST_NOW) expect(Math.abs(Date.now() - Date.parse(process.env.TEST_NOW))).toBeLessThan(60 * 60_000);
});
