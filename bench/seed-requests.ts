/**
 * Seeds N requests with a realistic spread, in SQL (seconds for a million rows): two years of
 * receipts, most requests closed, 15% open across the open statuses, typical mixes of types and
 * regimes, 20 staff to assign to. Shared by bench/admin-queue and bench/metrics.
 */
import type { Db } from '../lib/db';

export async function seedRequests(db: Db, count: number) {
  await db.$executeRawUnsafe(`
    INSERT INTO staff_user (id, email, name, role)
    SELECT 'bench-staff-' || g, 'staff' || g || '@bench.example.com', 'Staff ' || g, CASE WHEN g <= 3 THEN 'admin'::"StaffRole" ELSE 'reviewer'::"StaffRole" END
    FROM generate_series(1, 20) g ON CONFLICT DO NOTHING`);
  const batch = 250_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await db.$executeRawUnsafe(`
      INSERT INTO privacy_request (id, status, types, jurisdiction, channel, email_hash, email, name, submission_token_hash,
        received_at, due_at, verified_at, closed_at, assignee_id, updated_at)
      SELECT gen_random_uuid(),
        s.status::"RequestStatus",
        (ARRAY['{access}', '{deletion}', '{access,deletion}', '{export}', '{correction}', '{unsubscribe}', '{restriction}', '{access,export}'])[1 + (g % 8)]::"RequestType"[],
        (ARRAY['US-CA','US-CA','US-CA','EU','EU','UK','US-VA','US-CO','US-OTHER','BR','CA','OTHER'])[1 + (g % 12)],
        CASE WHEN g % 5 = 0 THEN 'api'::"SubmissionChannel" ELSE 'web'::"SubmissionChannel" END,
        md5('email' || (g % (${count} / 3 + 1))),
        'person' || (g % (${count} / 3 + 1)) || '@example.com',
        'Person ' || g,
        md5('submission' || g),
        r.received_at,
        r.received_at + interval '45 days',
        r.received_at + interval '2 hours',
        CASE WHEN s.status IN ('completed','denied','withdrawn','expired') THEN r.received_at + interval '20 days' END,
        CASE WHEN g % 4 = 0 THEN NULL ELSE 'bench-staff-' || (1 + g % 20) END,
        now()
      FROM generate_series(${start}, ${end}) g
      CROSS JOIN LATERAL (SELECT now() - (random() * interval '730 days') + (g * interval '0 s') AS received_at) r
      CROSS JOIN LATERAL (SELECT CASE
        WHEN r.received_at > now() - interval '60 days' AND g % 100 < 70 THEN (ARRAY['verified','in_progress','in_progress','awaiting_requester'])[1 + g % 4]
        WHEN g % 100 < 60 THEN 'completed' WHEN g % 100 < 72 THEN 'denied' WHEN g % 100 < 78 THEN 'withdrawn'
        WHEN g % 100 < 88 THEN 'expired' WHEN g % 100 < 92 AND r.received_at > now() - interval '1 day' THEN 'unverified' WHEN g % 100 < 92 THEN 'expired' ELSE 'completed' END AS status) s`);
  }
  await db.$executeRawUnsafe('ANALYZE privacy_request');
}
