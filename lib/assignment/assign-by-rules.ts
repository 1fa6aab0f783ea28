import { recordAuditEvent } from '../audit/record-audit-event';
import { formatZonedDueDate } from '../clock/format-zoned-due-date';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { logger } from '../logger';
import { formatReference } from '../universal/reference';
import { ruleMatches } from './rule-matches';
import { takeTurn } from './take-turn';

type Member = {
  id: string;
  email: string;
  role: string;
  deactivatedAt: Date | null;
  awayUntil: Date | null;
};
type Skip = { userId: string; reason: 'inactive' | 'on_leave' | 'at_limit' };

const QUEUE_STATUSES = ['verified', 'in_progress', 'awaiting_requester'] as const;

/**
 * Runs the assignment rules on a request that has just entered the queue (verified, or an opt-out
 * acted on at receipt), or that is unassigned in the queue and has just been tagged: the first active rule, by position, whose conditions hold chooses the
 * assignee; with none the request stays unassigned. Called after the transaction that put the
 * request in the queue has committed, so that a round-robin turn is taken on its own connection
 * and never while that transaction holds one (docs/decisions/015). The assignment, its audit event
 * and the assignee's email are one transaction.
 */
export async function assignByRules(options: { requestId: string; now?: Date }) {
  const now = options.now ?? new Date();
  // Only what the rules read. Requests record no language yet: once privacy_request has a `locale`
  // column, select it here too and a rule's languages apply (lib/assignment/rule-matches.ts).
  const request = await db().privacyRequest.findUnique({
    where: { id: options.requestId },
    select: {
      id: true,
      status: true,
      assigneeId: true,
      types: true,
      jurisdiction: true,
      channel: true,
      tags: { select: { tag: true } },
    },
  });
  if (!request || request.assigneeId || !(QUEUE_STATUSES as readonly string[]).includes(request.status)) return null;
  const rules = await db().assignmentRule.findMany({
    where: { active: true },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    include: {
      members: {
        orderBy: { position: 'asc' },
        include: { user: { select: { id: true, email: true, role: true, deactivatedAt: true, awayUntil: true } } },
      },
    },
  });
  const tags = request.tags.map((t) => t.tag);
  const rule = rules.find((r) => ruleMatches(r, { ...request, tags }));
  if (!rule || rule.members.length === 0) return null;

  const members = rule.members.map((m) => m.user);
  const turn = rule.action === 'round_robin' ? await takeTurn(rule.id) : null;
  const start = turn === null ? 0 : Number((turn - 1n) % BigInt(members.length));
  const ordered = members.map((_, k) => members[(start + k) % members.length]);
  const openCounts = rule.openLimit === null ? new Map<string, number>() : await countOpen(members.map((m) => m.id));
  const skipped: Skip[] = [];
  const assignee = ordered.find((member) => {
    const reason = skipReason(member, rule, openCounts, now);
    if (reason) skipped.push({ userId: member.id, reason });
    return !reason;
  });

  return db().$transaction(async (tx) => {
    // Locked: a reviewer assigning by hand meanwhile wins, and this rule leaves the request alone.
    const [locked] = await tx.$queryRaw<{ assignee_id: string | null; status: string }[]>`
      SELECT assignee_id, status::text FROM privacy_request WHERE id = ${request.id}::uuid FOR UPDATE`;
    if (!locked || locked.assignee_id || !(QUEUE_STATUSES as readonly string[]).includes(locked.status)) return null;
    const ruleData = { ruleId: rule.id, ruleName: rule.name, turn: turn === null ? null : Number(turn), skipped };
    if (!assignee) {
      await recordAuditEvent(tx, {
        requestId: request.id,
        action: 'request.assignment_rule_found_no_one',
        actor: { type: 'system' },
        data: ruleData,
      });
      return { ruleId: rule.id, assigneeId: null };
    }
    const updated = await tx.privacyRequest.update({
      where: { id: request.id },
      data: { assigneeId: assignee.id, assignedByRuleId: rule.id },
      select: { number: true, receivedAt: true, jurisdiction: true, types: true, dueAt: true },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.assigned',
      actor: { type: 'system' },
      data: { from: null, to: assignee.id, ...ruleData },
    });
    await enqueueEmail(tx, {
      template: 'staff-notice',
      to: assignee.email,
      props: {
        brand: brand(),
        heading: `${formatReference(updated.number, updated.receivedAt)} was assigned to you`,
        body: `The assignment rule “${rule.name}” assigned this privacy request to you. It is due on ${formatZonedDueDate(updated)}.`,
        url: publicLinks.staffRequest(request.id),
      },
    });
    return { ruleId: rule.id, assigneeId: assignee.id };
  });
}

/**
 * `assignByRules` for a request whose entry into the queue has already committed: a failure here
 * leaves it unassigned, as without rules, and must not turn the requester's success into an error.
 */
export async function assignByRulesAfterCommit(options: { requestId: string; now?: Date }) {
  try {
    return await assignByRules(options);
  } catch (error) {
    logger.error({ err: error, requestId: options.requestId }, 'assignment rules: the request stays unassigned');
    return null;
  }
}

function skipReason(
  member: Member,
  rule: { openLimit: number | null; skipOnLeave: boolean },
  openCounts: Map<string, number>,
  now: Date,
): Skip['reason'] | null {
  if (member.deactivatedAt || !['admin', 'reviewer'].includes(member.role)) return 'inactive';
  if (rule.skipOnLeave && member.awayUntil && member.awayUntil > now) return 'on_leave';
  if (rule.openLimit !== null && (openCounts.get(member.id) ?? 0) >= rule.openLimit) return 'at_limit';
  return null;
}

/** Open requests per person: those in the queue, waiting on the requester included. */
async function countOpen(userIds: string[]) {
  const rows = await db().privacyRequest.groupBy({
    by: ['assigneeId'],
    where: { assigneeId: { in: userIds }, status: { in: [...QUEUE_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.assigneeId as string, r._count._all]));
}
