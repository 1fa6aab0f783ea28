import { publicDate } from '@/app/components/page-locale';
import type { Translator } from '@/lib/universal/i18n/translator';
import type { recipientsTold } from '@/lib/fulfilment/recipients-told';

/** Who we tell about a correction, erasure or restriction, and whether we have (GDPR Art. 19). */
export function RecipientsSection({
  t,
  recipients,
  timeZone,
}: {
  t: Translator;
  recipients: Awaited<ReturnType<typeof recipientsTold>>;
  timeZone: string;
}) {
  if (recipients.length === 0) return null;
  return (
    <section aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t('status.recipients.title')}</h2>
      <p>{t('status.recipients.explanation')}</p>
      <dl className="summary-list">
        {recipients.map((r) => (
          <div key={r.name}>
            <dt>
              {r.name} <span className="hint">({r.role})</span>
            </dt>
            <dd>
              {r.state === 'told' && r.toldAt
                ? t('status.recipients.toldOn', { date: publicDate(t, r.toldAt, timeZone) })
                : r.state === 'not_told'
                  ? r.notToldLabel
                  : t('status.recipients.toBeTold')}
              {r.explanation && <p className="hint">{r.explanation}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
