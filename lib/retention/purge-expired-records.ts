/**
 * Retention (CCPA §7101: records kept at least 24 months, used only to review compliance; GDPR
 * storage limitation). A daily job:
 *
 * 1. Verification evidence (IP addresses, user agents, verification links) goes first, on its own
 *    shorter window after the request closes (VERIFICATION_EVIDENCE_RETENTION_DAYS).
 * 2. Identity documents requesters uploaded go EVIDENCE_RETENTION_DAYS after staff decided on them,
 *    or after the request closed if nobody did (lib/retention/delete-identity-evidence.ts).
 * 3. The request's personal data goes RETENTION_MONTHS after it closes, unless a legal hold is on it
 *    or an appeal is still pending. The row stays, anonymised: types, regime, channel, dates, status,
 *    denial reason. The audit log refers to it (and must), and the metrics and §7101 records for
 *    past years read those columns, so they do not change. Children that hold personal data go:
 *    messages, notes, verification links, outbox emails, staff notifications; appeal texts are
 *    cleared; audit events keep their action, actor and time, lose IP and user agent, and keep only
 *    payload keys known to hold codes, never text a person typed.
 *
 * The audit log's trigger allows exactly that scrub, and only inside a transaction that set
 * app.retention_purge (see the migration records_retention_appeals). Each purge is itself audited.
 */
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { env } from '../env';
import { deleteObject, deletePrefix } from '../storage/storage';
import { purgeIdentityEvidence } from './delete-identity-evidence';

/** Audit payload keys that hold codes, dates and ids, never personal data. Anything else is dropped. */
export const AUDIT_KEYS_KEPT = [
  'reason',
  'partial',
  'previousStatus',
  'status',
  'outcome',
  'dueAt',
  'previousDueAt',
  'pausedDays',
  'kind',
  'types',
  'jurisdiction',
  'channel',
  'byAgent',
  'offsetDays',
  'appealId',
  'from',
  'to',
];

const BATCH = 500;

function monthsBefore(now: Date, months: number) {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

async function allowAuditScrub(tx: Tx) {
  await tx.$executeRaw`SELECT set_config('app.retention_purge', 'on', true)`;
}

async function purgeEvidence(cutoff: Date, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db().$transaction(async (tx) => {
      const rows = await tx.privacyRequest.findMany({
        where: { closedAt: { lt: cutoff }, evidencePurgedAt: null, legalHoldAt: null },
        select: { id: true },
        take: BATCH,
      });
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return 0;
      await allowAuditScrub(tx);
      await tx.privacyRequest.updateMany({
        where: { id: { in: ids } },
        data: {
          verifiedIp: null,
          verifiedUserAgent: null,
          submittedIp: null,
          submittedUserAgent: null,
          evidencePurgedAt: now,
        },
      });
      await tx.verificationLink.deleteMany({ where: { requestId: { in: ids } } });
      await tx.accountEmailProof.deleteMany({ where: { requestId: { in: ids } } });
      await tx.$executeRaw`UPDATE audit_event SET ip = NULL, user_agent = NULL
        WHERE request_id = ANY(${ids}::uuid[]) AND (ip IS NOT NULL OR user_agent IS NOT NULL)`;
      return ids.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}

async function purgeRequests(cutoff: Date, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db().$transaction(async (tx) => {
      const rows = await tx.privacyRequest.findMany({
        where: {
          closedAt: { lt: cutoff },
          purgedAt: null,
          legalHoldAt: null,
          appeals: { none: { status: 'pending' } },
        },
        select: { id: true },
        take: BATCH,
      });
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return 0;
      await allowAuditScrub(tx);
      await tx.$executeRaw`UPDATE privacy_request SET
          email = '', email_hash = '', name = NULL, account_email = NULL, details = NULL, agent_name = NULL, agent_email = NULL,
          submission_token_hash = 'purged-' || id::text, status_nonce = NULL,
          verified_ip = NULL, verified_user_agent = NULL, submitted_ip = NULL, submitted_user_agent = NULL,
          extension_reason = NULL, response_message = NULL, denial_basis = NULL, denial_fulfilled = NULL,
          verification_required_reason = NULL,
          purged_at = ${now}, evidence_purged_at = COALESCE(evidence_purged_at, ${now}), updated_at = ${now}
        WHERE id = ANY(${ids}::uuid[])`;
      // Fulfilment leaves files (collected data sets, attachments, packages) and task outcomes that
      // may hold what was corrected: the files go from storage, the rows from the database.
      const tasks = await tx.fulfilmentTask.findMany({ where: { requestId: { in: ids } }, select: { id: true } });
      const packages = await tx.dataPackage.findMany({
        where: { requestId: { in: ids }, storageKey: { not: null } },
        select: { storageKey: true },
      });
      for (const task of tasks) await deletePrefix(`tasks/${task.id}/`);
      for (const pkg of packages) await deleteObject(pkg.storageKey!);
      // An authorized agent's proof (a signed document, often with a signature and an address) goes
      // too; its row keeps only the kind and the person's answer, and the agent's link stops working.
      const proofs = await tx.agentAuthorization.findMany({
        where: { requestId: { in: ids }, documentKey: { not: null } },
        select: { documentKey: true },
      });
      for (const proof of proofs) await deleteObject(proof.documentKey!);
      await tx.$executeRaw`UPDATE agent_authorization SET document_key = NULL, document_name = NULL, agent_status_nonce = NULL
        WHERE request_id = ANY(${ids}::uuid[])`;
      const evidence = await tx.identityEvidence.findMany({
        where: { requestId: { in: ids }, storageKey: { not: null } },
        select: { storageKey: true },
      });
      for (const file of evidence) await deleteObject(file.storageKey!);
      for (const table of [
        'verification_link',
        'account_email_proof',
        'request_note',
        'requester_message',
        'outbox_email',
        'staff_notification',
        'download_grant',
        'data_package',
        'fulfilment_task',
        'identity_evidence',
      ] as const) {
        await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE request_id = ANY($1::uuid[])`, ids);
      }
      await tx.requestAppeal.updateMany({
        where: { requestId: { in: ids } },
        data: { statement: null, outcomeMessage: null, extensionReason: null },
      });
      await tx.$executeRaw`UPDATE audit_event SET ip = NULL, user_agent = NULL,
          data = COALESCE((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(audit_event.data) e WHERE e.key = ANY(${AUDIT_KEYS_KEPT}::text[])), '{}'::jsonb)
        WHERE request_id = ANY(${ids}::uuid[])`;
      for (const id of ids) {
        await recordAuditEvent(tx, {
          requestId: id,
          action: 'request.purged',
          actor: { type: 'system' },
          data: { retentionMonths: env().RETENTION_MONTHS },
        });
      }
      return ids.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}

/** The `purge-expired-records` job (daily, crontab). Idempotent: purged rows are not touched again. */
export async function purgeExpiredRecords(options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const evidence = await purgeEvidence(
    new Date(now.getTime() - env().VERIFICATION_EVIDENCE_RETENTION_DAYS * 86_400_000),
    now,
  );
  const identityEvidence = await purgeIdentityEvidence(now);
  const requests = await purgeRequests(monthsBefore(now, env().RETENTION_MONTHS), now);
  // Rate-limit counters past their window (they hold keyed hashes only, but need not pile up).
  await db().$executeRaw`DELETE FROM rate_limit WHERE expire IS NOT NULL AND expire < ${BigInt(now.getTime())}`;
  return { evidence, identityEvidence, requests };
}
