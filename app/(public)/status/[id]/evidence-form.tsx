import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import type { evidenceForRequester } from '@/lib/verification/evidence/list-evidence';
import { VERIFICATION_LEVEL_LABELS } from '@/lib/verification/levels';
import { NOTICES, type NoticeKey } from '../../notices';

type SentEvidence = Awaited<ReturnType<typeof evidenceForRequester>>[number];

function outcome(e: SentEvidence) {
  if (e.decision === 'accepted')
    return `Accepted (${VERIFICATION_LEVEL_LABELS[e.decisionLevel ?? 'reasonable'].toLowerCase()})`;
  if (e.decision === 'rejected') return `Not accepted: ${e.decisionReason ?? ''}`;
  return 'Waiting for our review';
}

/**
 * "Send us a document": a scan or photo of an identity document, or a signed declaration, that our
 * team reviews. A plain multipart form (no script); what was sent before is listed with the outcome.
 */
export function EvidenceForm({
  requestId,
  token,
  sent,
  timeZone,
  maxMb,
  canSend,
  notice,
}: {
  requestId: string;
  token: string;
  sent: SentEvidence[];
  timeZone: string;
  maxMb: number;
  canSend: boolean;
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  return (
    <section className="field" aria-labelledby="evidence-title">
      <h3 id="evidence-title">Send us a document</h3>
      {notice === 'evidence-sent' && (
        <div className="notice notice--success" role="status">
          <p>{NOTICES['evidence-sent'].message}</p>
        </div>
      )}
      {sent.length > 0 && (
        <ul className="evidence-sent">
          {sent.map((e) => (
            <li key={e.id}>
              {e.kind === 'declaration' ? 'Signed declaration' : 'Document'} sent on{' '}
              {formatPublicDate(e.uploadedAt, timeZone)}: <span data-testid="evidence-outcome">{outcome(e)}</span>
            </li>
          ))}
        </ul>
      )}
      {canSend && (
        <form
          action={`/status/${requestId}/evidence`}
          method="post"
          encType="multipart/form-data"
          noValidate
          aria-labelledby="evidence-title"
        >
          <ErrorSummaryView errors={error ? [{ message: error }] : []} />
          <p>
            Send a scan or photo of an identity document (a passport, driving licence or identity card), or a
            declaration you signed. Cover any number you do not need to show. Only our privacy team opens it; we delete
            it once we have decided, and it is never part of a copy of your data.
          </p>
          <input type="hidden" name="token" value={token} />
          <fieldset className="field">
            <legend>What are you sending?</legend>
            <label>
              <input type="radio" name="kind" value="document" defaultChecked /> An identity document
            </label>
            <label>
              <input type="radio" name="kind" value="declaration" /> A signed declaration
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="evidence-file">File (PDF, JPEG or PNG, at most {maxMb} MB)</label>
            <input
              id="evidence-file"
              type="file"
              name="file"
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            />
          </div>
          <button type="submit" className="button button--secondary">
            Send the document
          </button>
        </form>
      )}
    </section>
  );
}
