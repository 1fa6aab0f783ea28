import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { publicDate } from '@/app/components/page-locale';
import type { Translator } from '@/lib/universal/i18n/translator';
import type { evidenceForRequester } from '@/lib/verification/evidence/list-evidence';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';
import { levelWords } from './identity-section';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

type SentEvidence = Awaited<ReturnType<typeof evidenceForRequester>>[number];

/** What became of a document; a rejection's reason is what the reviewer wrote, as written. */
function outcome(t: Translator, e: SentEvidence) {
  if (e.decision === 'accepted')
    return t('proof.evidence.accepted', { level: levelWords(t, e.decisionLevel ?? 'reasonable') });
  if (e.decision === 'rejected') return t('proof.evidence.rejected', { reason: e.decisionReason ?? '' });
  return t('proof.evidence.waiting');
}

/**
 * "Send us a document": a scan or photo of an identity document, or a signed declaration, that our
 * team reviews. A plain multipart form (no script); what was sent before is listed with the outcome.
 */
export function EvidenceForm({
  t,
  requestId,
  token,
  lang,
  sent,
  timeZone,
  maxMb,
  canSend,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  sent: SentEvidence[];
  timeZone: string;
  maxMb: number;
  canSend: boolean;
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  return (
    <section className="field" aria-labelledby="evidence-title">
      <h3 id="evidence-title">{t('proof.evidence.title')}</h3>
      {notice === 'evidence-sent' && (
        <div className="notice notice--success" role="status">
          <p>{noticeMessage(t, 'evidence-sent')}</p>
        </div>
      )}
      {sent.length > 0 && (
        <ul className="evidence-sent">
          {sent.map((e) => (
            <li key={e.id}>
              {t('proof.evidence.sent', { kind: e.kind, date: publicDate(t, e.uploadedAt, timeZone) })}{' '}
              <span data-testid="evidence-outcome">{outcome(t, e)}</span>
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
          <ErrorSummaryView title={t('form.errorSummary')} errors={error ? [{ message: error }] : []} />
          <p>{t('proof.evidence.intro')}</p>
          <StatusFormFields token={token} lang={lang} />
          <fieldset className="field">
            <legend>{t('proof.evidence.legend')}</legend>
            <label>
              <input type="radio" name="kind" value="document" defaultChecked /> {t('proof.evidence.document')}
            </label>
            <label>
              <input type="radio" name="kind" value="declaration" /> {t('proof.evidence.declaration')}
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="evidence-file">{t('proof.evidence.file', { maxMb })}</label>
            <input
              id="evidence-file"
              type="file"
              name="file"
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t('proof.evidence.button')}
          </button>
        </form>
      )}
    </section>
  );
}
