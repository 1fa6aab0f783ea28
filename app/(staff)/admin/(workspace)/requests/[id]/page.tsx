import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { can } from '@/lib/permissions/staff-permissions';
import { JURISDICTION_LABELS, type Jurisdiction } from '@/lib/universal/codes';
import { AppError } from '@/lib/errors';
import { getRequestDetail } from '@/lib/requests/staff/get-request-detail';
import { listTasks } from '@/lib/fulfilment/list-tasks';
import { describeOutcome } from '@/lib/fulfilment/outcome';
import { packageState } from '@/lib/fulfilment/package/download-package';
import { countdown } from '@/lib/clock/countdown';
import { requestTimeZone, staffTimeZone } from '@/lib/clock/request-deadline';
import { assignableStaff } from '../../../assignable-staff';
import { TYPE_LABELS, formatDay, formatZonedDay, statusLabel, typeLabels } from '../../../labels';
import { CountdownBadge } from '../../countdown-badge';
import { getAgentAuthorization } from '@/lib/agents/get-agent-authorization';
import { AgentSection } from './agent-section';
import { AppealDecisionForm } from './appeal-decision-form';
import { AppealExtensionForm } from './appeal-extension-form';
import { LegalHoldForm } from './legal-hold-form';
import { NoteForm } from './note-form';
import { TagsForm } from './tags-form';
import { RequestActions } from './request-actions';
import { standardMessagesFor } from '@/lib/templates/standard-messages';
import { DeadlineSection, DecisionSection, SubmittedSection, VerificationSection } from './request-sections';
import { RequestTasks } from './request-tasks';
import { RequestTimeline } from './request-timeline';
import { EvidenceReview, StrongerProofForm } from './evidence-review';
import { listEvidence } from '@/lib/verification/evidence/list-evidence';

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: 'Request details' };

async function loadDetail(staff: Awaited<ReturnType<typeof requireStaffPage>>, requestId: string) {
  try {
    return await getRequestDetail({ staff, requestId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export default async function RequestPage({ params }: { params: Params }) {
  const { id } = await params;
  const staff = await requireStaffPage('requests.read', `/admin/requests/${id}`);
  const [detail, people] = await Promise.all([loadDetail(staff, id), assignableStaff()]);
  const [tasks, pkg, agent] = await Promise.all([
    listTasks({ staff, requestId: detail.id }),
    packageState(detail.id),
    getAgentAuthorization({ staff, requestId: detail.id }),
  ]);
  const canWork = can(staff.role, 'requests.work');
  const canReview = can(staff.role, 'evidence.review');
  const evidence = canReview ? await listEvidence({ staff, requestId: detail.id }) : [];
  const allowed = new Set<string>(detail.actions);
  const zone = staffTimeZone(detail);
  const openClocks = detail.deadline.types.filter((t) => !t.completed);
  const extendable = openClocks.filter((t) => t.maxExtendedDueAt);
  const fixed = openClocks.filter((t) => !t.maxExtendedDueAt);
  const extension = detail.extendedAt
    ? { allowed: false, explanation: 'The deadline has already been extended once.' }
    : extendable.length > 0
      ? {
          allowed: true,
          explanation: [
            ...extendable.map(
              (t) => `The extension moves ${TYPE_LABELS[t.type]} to ${formatDay(t.maxExtendedDueAt!, zone)}.`,
            ),
            ...fixed.map((t) => `${TYPE_LABELS[t.type]} keeps its due date: its law allows no extension.`),
          ].join(' '),
        }
      : { allowed: false, explanation: "This request's regime does not allow an extension." };

  return (
    <>
      <p className="admin-breadcrumb">
        <Link href="/admin">Queue</Link>
      </p>
      <header className="admin-request-header">
        <h1>{detail.reference}</h1>
        <dl className="admin-facts">
          <div>
            <dt>Status</dt>
            <dd>{statusLabel(detail.status)}</dd>
          </div>
          <div>
            <dt>Types</dt>
            <dd>{typeLabels(detail.types)}</dd>
          </div>
          <div>
            <dt>Regime</dt>
            <dd>{JURISDICTION_LABELS[detail.jurisdiction as Jurisdiction] ?? detail.jurisdiction}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>
              <time dateTime={detail.dueAt.toISOString()}>{formatZonedDay(detail.dueAt, zone)}</time>{' '}
              <CountdownBadge countdown={countdown(detail.status, detail.dueAt, new Date(), requestTimeZone(detail))} />
            </dd>
          </div>
          <div>
            <dt>Assignee</dt>
            <dd>
              {detail.assignee ? detail.assignee.name || detail.assignee.email : 'Unassigned'}
              {detail.assignee && detail.assignedByRule && (
                <span className="admin-muted"> (Assigned by rule “{detail.assignedByRule.name}”)</span>
              )}
            </dd>
          </div>
        </dl>
      </header>
      {detail.possibleDuplicateOf && (
        <div className="admin-notice" role="note">
          <p>
            <strong>Possible duplicate</strong> of{' '}
            <Link href={`/admin/requests/${detail.possibleDuplicateOf.id}`}>
              {detail.possibleDuplicateOf.reference}
            </Link>{' '}
            ({statusLabel(detail.possibleDuplicateOf.status)}): the same email asked for the same type shortly before.
            Decide whether to handle it or deny it as a duplicate.
          </p>
        </div>
      )}
      <div className="admin-detail">
        <div className="admin-detail__main">
          <SubmittedSection detail={detail} canReveal={can(staff.role, 'requests.reveal')} />
          <section aria-labelledby="tasks-title" className="admin-panel">
            <h2 id="tasks-title">Tasks</h2>
            <RequestTasks
              requestId={detail.id}
              people={people}
              canWork={canWork}
              canClose={can(staff.role, 'requests.admin')}
              tasks={tasks.map((t) => ({
                id: t.id,
                systemName: t.system?.name ?? t.recipient?.name ?? '',
                type: t.type,
                status: t.status,
                automated: t.automated,
                assigneeId: t.assigneeId,
                change: canWork ? t.change : null,
                checklist: t.checklist,
                result: canWork ? t.result : null,
                summary: describeOutcome(t.outcome),
                lastError: t.lastError,
                closedReason: t.closedReason,
                attachments: t.attachments,
              }))}
            />
          </section>
          {can(staff.role, 'packages.review') && detail.types.some((t) => t === 'access' || t === 'export') && (
            <p>
              <Link href={`/admin/requests/${detail.id}/datasets`}>
                {pkg?.status === 'awaiting_review'
                  ? 'Review the data sets and release the package'
                  : 'Review the data sets (preview, redact)'}
              </Link>
            </p>
          )}
          {pkg && (
            <section aria-labelledby="package-title" className="admin-panel">
              <h2 id="package-title">Data package</h2>
              <p>
                {pkg.status === 'awaiting_review' && 'Waiting for a reviewer to release it (redaction before release).'}
                {pkg.status === 'building' && 'Being built by the job queue.'}
                {pkg.status === 'ready' &&
                  `Ready (${Math.max(1, Math.round((pkg.size ?? 0) / 1024))} KB, encrypted at rest); downloadable until ${formatDay(pkg.expiresAt!, zone)} after the requester confirms their email again.`}
                {pkg.status === 'failed' && `The build failed: ${pkg.lastError ?? 'unknown error'}`}
                {(pkg.status === 'expired' || pkg.status === 'deleted') &&
                  'The download window has ended; the file is deleted.'}
              </p>
            </section>
          )}
          <DecisionSection detail={detail} />
          {detail.appeals.map((appeal) => (
            <section key={appeal.id} aria-labelledby={`appeal-${appeal.id}`} className="admin-panel">
              <h2 id={`appeal-${appeal.id}`}>Appeal</h2>
              <dl className="admin-facts">
                <div>
                  <dt>Received</dt>
                  <dd>{formatDay(appeal.receivedAt, zone)}</dd>
                </div>
                <div>
                  <dt>Decide by</dt>
                  <dd>{formatDay(appeal.dueAt, zone)}</dd>
                </div>
                <div>
                  <dt>Outcome</dt>
                  <dd>
                    {appeal.status === 'pending'
                      ? 'Pending'
                      : appeal.status === 'granted'
                        ? 'Granted: decision reversed'
                        : 'Rejected: decision stands'}
                  </dd>
                </div>
              </dl>
              {appeal.statement && <p className="admin-prewrap">{appeal.statement}</p>}
              {appeal.outcomeMessage && <p className="admin-prewrap">Reasons sent: {appeal.outcomeMessage}</p>}
              {appeal.extendedAt && (
                <p className="admin-prewrap">
                  Extended on {formatDay(appeal.extendedAt, zone)}
                  {appeal.extensionReason ? `. Reasons sent: ${appeal.extensionReason}` : ''}
                </p>
              )}
              {appeal.extension && can(staff.role, 'appeals.extend') && (
                <AppealExtensionForm
                  requestId={detail.id}
                  appealId={appeal.id}
                  extensionLabel={`${appeal.extension.amount} ${appeal.extension.unit === 'businessDays' ? 'business days' : appeal.extension.unit === 'months' ? 'months' : 'days'}`}
                />
              )}
              {can(staff.role, 'appeals.decide') &&
                (appeal.status === 'pending' && detail.decidedById === staff.id ? (
                  <p className="admin-muted">You made the decision appealed: another admin must decide this appeal.</p>
                ) : (
                  <AppealDecisionForm
                    requestId={detail.id}
                    appealId={appeal.id}
                    decided={appeal.status !== 'pending'}
                  />
                ))}
            </section>
          ))}
          {agent && <AgentSection requestId={detail.id} agent={agent} timeZone={zone} />}
          <VerificationSection detail={detail} />
          <section aria-labelledby="evidence-title" className="admin-panel">
            <h2 id="evidence-title">Identity evidence</h2>
            {canReview ? (
              <EvidenceReview
                requestId={detail.id}
                evidence={evidence.map((e) => ({
                  id: e.id,
                  kind: e.kind,
                  contentType: e.contentType,
                  sizeLabel: `${Math.max(1, Math.round(e.size / 1024))} KB`,
                  uploadedAt: formatZonedDay(e.uploadedAt, zone),
                  decision: e.decision,
                  outcome:
                    e.decision === 'accepted'
                      ? `Accepted at ${e.decisionLevel} certainty on ${formatZonedDay(e.decidedAt!, zone)}.`
                      : e.decision === 'rejected'
                        ? `Rejected on ${formatZonedDay(e.decidedAt!, zone)}: ${e.decisionReason ?? ''}`
                        : null,
                  deleted: e.deletedAt !== null,
                }))}
              />
            ) : (
              <p className="admin-muted">Identity documents are visible to reviewers and admins.</p>
            )}
          </section>
          <DeadlineSection detail={detail} />
          <section aria-labelledby="timeline-title" className="admin-panel">
            <h2 id="timeline-title">Timeline</h2>
            <RequestTimeline detail={detail} showNotes={canWork} />
          </section>
        </div>
        <div className="admin-detail__side">
          {canWork && (
            <section aria-labelledby="actions-title" className="admin-panel">
              <h2 id="actions-title">Actions</h2>
              <RequestActions
                requestId={detail.id}
                assigneeId={detail.assignee?.id ?? null}
                people={people}
                extension={extension}
                openTypes={openClocks.map((t) => ({ value: t.type, label: TYPE_LABELS[t.type] }))}
                pauseOptions={detail.pauseOptions}
                unprovenAccountEmail={detail.unprovenAccountEmail}
                workShortfall={detail.workShortfall}
                standardMessages={await standardMessagesFor(detail.locale)}
                available={{
                  start: allowed.has('start'),
                  assign: allowed.has('assign'),
                  askRequester: allowed.has('askRequester'),
                  extend: allowed.has('extend'),
                  deny: allowed.has('deny'),
                  complete: allowed.has('complete'),
                  // A request whose email was never proven cannot be reopened (lib/requests/staff/reopen-request.ts).
                  reopen:
                    allowed.has('reopen') &&
                    can(staff.role, 'requests.admin') &&
                    Boolean(detail.verification.verifiedAt),
                }}
              />
              <StrongerProofForm requestId={detail.id} available={allowed.has('askForProof')} />
            </section>
          )}
          <section aria-labelledby="records-title" className="admin-panel">
            <h2 id="records-title">Retention</h2>
            {detail.retention.purgedAt ? (
              <p>
                Personal data purged on {formatZonedDay(detail.retention.purgedAt, zone)}; the anonymised record
                remains.
              </p>
            ) : detail.retention.legalHold ? (
              <p>
                <strong>On legal hold</strong> since {formatZonedDay(detail.retention.legalHold.at, zone)}: not purged
                until the hold is lifted.
                {detail.retention.legalHold.reason && (
                  <span className="admin-prewrap"> Reason: {detail.retention.legalHold.reason}</span>
                )}
              </p>
            ) : (
              <p className="admin-muted">
                Personal data is purged after the retention period once the request is closed.
              </p>
            )}
            {!detail.retention.purgedAt && can(staff.role, 'records.hold') && (
              <LegalHoldForm requestId={detail.id} held={Boolean(detail.retention.legalHold)} />
            )}
          </section>
          <section aria-labelledby="tags-title" className="admin-panel">
            <h2 id="tags-title">Tags</h2>
            {canWork ? (
              <TagsForm requestId={detail.id} tags={detail.tags} />
            ) : detail.tags.length === 0 ? (
              <p className="admin-muted">No tags.</p>
            ) : (
              <ul className="admin-plain-list" aria-label="Tags">
                {detail.tags.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="notes-title" className="admin-panel">
            <h2 id="notes-title">Notes</h2>
            {!canWork ? (
              <p className="admin-muted">Notes are visible to reviewers and admins.</p>
            ) : (
              <>
                {detail.notes.length === 0 ? (
                  <p className="admin-muted">No notes yet.</p>
                ) : (
                  <ul className="admin-notes">
                    {detail.notes.map((n) => (
                      <li key={n.id}>
                        <p className="admin-prewrap">{n.body}</p>
                        <p className="admin-hint">
                          {n.author}, {formatZonedDay(n.createdAt, zone)}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
                {allowed.has('addNote') && <NoteForm requestId={detail.id} />}
              </>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
