'use client';

import { acceptEvidenceAction, askForStrongerProofAction, rejectEvidenceAction } from '../../../evidence-actions';
import {
  ActionButton,
  ActionFeedback,
  SelectField,
  TextAreaField,
  fieldErrors,
  useStaffForms,
} from '../../../staff-form';

export type EvidenceRow = {
  id: string;
  kind: 'document' | 'declaration';
  contentType: string;
  sizeLabel: string;
  uploadedAt: string;
  decision: 'accepted' | 'rejected' | null;
  outcome: string | null;
  deleted: boolean;
};

const LEVELS = [
  { value: 'reasonable', label: 'Reasonable certainty' },
  { value: 'high', label: 'High certainty' },
];

/**
 * Reviewers: the identity documents the requester sent. Opening one downloads it (audited); each
 * undecided one is accepted at a level or rejected with a reason the requester reads.
 */
export function EvidenceReview({ requestId, evidence }: { requestId: string; evidence: EvidenceRow[] }) {
  const form = useStaffForms({ accept: acceptEvidenceAction, reject: rejectEvidenceAction });
  if (evidence.length === 0) return <p className="admin-muted">The requester has sent no document.</p>;
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      <ul className="admin-evidence">
        {evidence.map((e) => (
          <li key={e.id} data-testid="evidence-item">
            <p>
              {e.kind === 'declaration' ? 'Signed declaration' : 'Identity document'} ({e.contentType}, {e.sizeLabel}),
              sent {e.uploadedAt}.{' '}
              {e.deleted ? (
                <span className="admin-muted">File deleted after its retention period.</span>
              ) : (
                <a href={`/api/admin/evidence/${e.id}`} download>
                  Open (recorded in the audit log)
                </a>
              )}
            </p>
            {e.outcome && <p className="admin-hint">{e.outcome}</p>}
            {!e.decision && !e.deleted && (
              <>
                <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
                  <input type="hidden" name="requestId" value={requestId} />
                  <input type="hidden" name="evidenceId" value={e.id} />
                  <SelectField
                    id={`evidence-level-${e.id}`}
                    name="level"
                    label="Accept at"
                    options={LEVELS}
                    defaultValue="reasonable"
                    errors={fieldErrors(form.outcome, 'accept', 'level')}
                  />
                  <ActionButton intent="accept" form={form} pendingLabel="Accepting…">
                    Accept the document
                  </ActionButton>
                </form>
                <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
                  <input type="hidden" name="requestId" value={requestId} />
                  <input type="hidden" name="evidenceId" value={e.id} />
                  <TextAreaField
                    id={`evidence-reason-${e.id}`}
                    name="reason"
                    label="Reason for rejecting"
                    hint="The requester reads this on their status page."
                    rows={2}
                    maxLength={2000}
                    errors={fieldErrors(form.outcome, 'reject', 'reason')}
                  />
                  <ActionButton intent="reject" form={form} variant="secondary" pendingLabel="Rejecting…">
                    Reject the document
                  </ActionButton>
                </form>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * "Ask for stronger proof": reasonable doubts about the requester's identity (GDPR Art. 12(6)). Rendered
 * whenever staff may work the request, so that the outcome stays on screen once the form goes away.
 */
export function StrongerProofForm({ requestId, available }: { requestId: string; available: boolean }) {
  const form = useStaffForms({ askProof: askForStrongerProofAction });
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      {available && (
        <details className="admin-action">
          <summary>Ask for stronger proof</summary>
          <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
            <input type="hidden" name="requestId" value={requestId} />
            <SelectField
              id="proof-level"
              name="level"
              label="Level to ask for"
              options={LEVELS}
              defaultValue="high"
              errors={fieldErrors(form.outcome, 'askProof', 'level')}
            />
            <TextAreaField
              id="proof-reason"
              name="reason"
              label="Why you doubt the requester's identity"
              hint="Sent to the requester. The clock pauses where the regime allows it, until the level is reached."
              rows={3}
              maxLength={2000}
              errors={fieldErrors(form.outcome, 'askProof', 'reason')}
            />
            <ActionButton intent="askProof" form={form} variant="secondary" pendingLabel="Asking…">
              Ask for stronger proof
            </ActionButton>
          </form>
        </details>
      )}
    </>
  );
}
