import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { can } from '../../permissions/staff-permissions';
import { appealRule } from '../../appeals/appeal-rules';
import { pauseOptions } from '../../clock/pause-clock';
import { requestDeadline } from '../../clock/request-deadline';
import { db } from '../../db';
import { AppError } from '../../errors';
import { maskEmail, maskName } from '../mask';
import { formatReference } from '../../universal/reference';
import { availableActions } from '../status-machine';
import { unprovenAccountEmail } from '../../verification/account-email-claim';
import { verificationShortfall, verificationState } from '../../verification/verification-gate';
import { identityProofState } from '../../verification/identity-proof-state';

/**
 * Everything staff need to decide a request: what was submitted (contact details masked until
 * revealed; free text hidden from viewers), the verification evidence, the deadline and why, and the
 * full timeline of events, notes, messages and emails.
 */
export async function getRequestDetail(options: { staff: StaffIdentity; requestId: string }) {
  const staff = authorize(options.staff, 'requests.read');
  if (!/^[0-9a-f-]{36}$/i.test(options.requestId)) throw new AppError('NOT_FOUND', 'No request with that id.');
  const request = await db().privacyRequest.findUnique({
    where: { id: options.requestId },
    include: {
      drpRequest: { select: { exercise: true, regime: true, agent: { select: { id: true, name: true } } } },
      pauses: { orderBy: { startedAt: 'asc' } },
      assignee: { select: { id: true, name: true, email: true } },
      assignedByRule: { select: { id: true, name: true } },
      tags: { orderBy: { tag: 'asc' }, select: { tag: true } },
      notes: { orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true, email: true } } } },
      messages: { orderBy: { createdAt: 'asc' } },
      emails: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          template: true,
          subject: true,
          status: true,
          attempts: true,
          lastError: true,
          createdAt: true,
          sentAt: true,
        },
      },
      auditEvents: { orderBy: { id: 'asc' } },
      appeals: { orderBy: { receivedAt: 'asc' } },
      verificationChecks: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, method: true, points: true, level: true, createdAt: true },
      },
    },
  });
  if (!request) throw new AppError('NOT_FOUND', 'No request with that id.');
  const staffNames = new Map(
    (
      await db().user.findMany({
        where: { id: { in: request.auditEvents.flatMap((e) => (e.actorId ? [e.actorId] : [])) } },
        select: { id: true, name: true, email: true },
      })
    ).map((u) => [u.id, u.name ?? u.email]),
  );
  const seesFreeText = can(staff.role, 'requests.work');
  const duplicateOf = request.possibleDuplicateOfId
    ? await db().privacyRequest.findUnique({
        where: { id: request.possibleDuplicateOfId },
        select: { id: true, number: true, receivedAt: true, status: true },
      })
    : null;
  const deadline = requestDeadline(request);
  return {
    id: request.id,
    reference: formatReference(request.number, request.receivedAt),
    status: request.status,
    types: request.types,
    jurisdiction: request.jurisdiction,
    channel: request.channel,
    /** Filed through the Data Rights Protocol: the agent and what it asked for. */
    drp: request.drpRequest
      ? {
          agentId: request.drpRequest.agent.id,
          agentName: request.drpRequest.agent.name,
          exercise: request.drpRequest.exercise,
          regime: request.drpRequest.regime,
        }
      : null,
    /** The language the requester reads: our emails to them are in it (staff's own messages go as written). */
    locale: request.locale,
    submitted: {
      email: maskEmail(request.email),
      name: maskName(request.name),
      accountEmail: request.accountEmail ? maskEmail(request.accountEmail) : null,
      /** When the requester proved the account email; null while it is a claim no task acts on. */
      accountEmailProvenAt: request.accountEmailVerifiedAt,
      agent: request.agentEmail ? { name: maskName(request.agentName), email: maskEmail(request.agentEmail) } : null,
      details: seesFreeText ? request.details : request.details ? '[hidden for your role]' : null,
    },
    verification: {
      /** The level reached, what work and disclosure need, and the rules (with sources) that say so. */
      ...verificationState(request),
      checks: request.verificationChecks,
      /** Identity-question forms whose answers did not match enough, and whether the questions locked. */
      identityQuestions: await identityProofState(db(), request).then((p) => ({
        failures: p.failures,
        locked: p.locked,
      })),
      verifiedAt: request.verifiedAt,
      ip: request.verifiedIp,
      userAgent: request.verifiedUserAgent,
      submittedIp: request.submittedIp,
    },
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    deadline: {
      explanation: deadline.explanation,
      maxExtendedDueAt: deadline.maxExtendedDueAt,
      acknowledgeBy: deadline.acknowledgeBy,
      timeZone: deadline.timeZone,
      /** Each type's own clock: a mixed request is due at the nearest open one. */
      types: deadline.types.map((d) => ({
        type: d.requestType,
        dueAt: d.dueAt,
        acknowledgeBy: d.acknowledgeBy,
        maxExtendedDueAt: d.maxExtendedDueAt,
        completed: d.completed,
      })),
    },
    completedTypes: request.completedTypes,
    /** Per pause reason, why it would not stop this request's clock (null: it would). */
    pauseOptions: pauseOptions(request),
    extendedAt: request.extendedAt,
    extensionReason: request.extensionReason,
    pauses: request.pauses,
    decision: {
      denialReason: request.denialReason,
      partial: request.partial,
      message: request.responseMessage,
      basis: request.denialBasis,
      fulfilled: request.denialFulfilled,
      decidedAt: request.decidedAt,
    },
    assignee: request.assignee,
    /** The assignment rule that chose the assignee; null when staff assigned by hand (or the rule is gone). */
    assignedByRule: request.assignedByRule,
    /** Staff tags, alphabetical: words for routing, never personal data. */
    tags: request.tags.map((t) => t.tag),
    notes: seesFreeText
      ? request.notes.map((n) => ({
          id: n.id,
          body: n.body,
          author: n.author.name ?? n.author.email,
          createdAt: n.createdAt,
        }))
      : [],
    messages: request.messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      body: seesFreeText ? m.body : '[hidden for your role]',
      createdAt: m.createdAt,
    })),
    emails: request.emails,
    timeline: request.auditEvents.map((e) => ({
      id: e.id.toString(),
      at: e.createdAt,
      action: e.action,
      actor: e.actorType === 'staff' ? (staffNames.get(e.actorId ?? '') ?? 'staff') : e.actorType,
      public: e.public,
      summary: e.summary,
    })),
    actions: availableActions(request.status),
    /** The request names an account email not yet proven: no task looks for data under it. */
    unprovenAccountEmail: unprovenAccountEmail(request) !== null,
    /** Why Start would be refused for want of verification; null when it is not. */
    workShortfall: verificationShortfall(request, 'work'),
    decidedById: request.decidedById,
    possibleDuplicateOf: duplicateOf
      ? {
          id: duplicateOf.id,
          reference: formatReference(duplicateOf.number, duplicateOf.receivedAt),
          status: duplicateOf.status,
        }
      : null,
    appeals: request.appeals.map((a) => ({
      id: a.id,
      status: a.status,
      statement: seesFreeText ? a.statement : a.statement ? '[hidden for your role]' : null,
      receivedAt: a.receivedAt,
      dueAt: a.dueAt,
      decidedAt: a.decidedAt,
      decidedById: a.decidedById,
      outcomeMessage: seesFreeText ? a.outcomeMessage : null,
      extendedAt: a.extendedAt,
      extensionReason: seesFreeText ? a.extensionReason : null,
      /** The regime's appeal extension, still to take (lib/appeals/extend-appeal.ts checks again). */
      extension: a.status === 'pending' && !a.extendedAt && a.dueAt > new Date() ? appealRule(request).extension : null,
    })),
    retention: {
      purgedAt: request.purgedAt,
      evidencePurgedAt: request.evidencePurgedAt,
      legalHold: request.legalHoldAt ? { at: request.legalHoldAt, reason: request.legalHoldReason } : null,
    },
  };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequestDetail>>;
