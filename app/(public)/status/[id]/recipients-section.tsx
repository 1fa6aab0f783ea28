import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import type { recipientsTold } from '@/lib/fulfilment/recipients-told';

/** Who we tell about a correction, erasure or restriction, and whether we have (GDPR Art. 19). */
export function RecipientsSection({
  recipients,
  timeZone,
}: {
  recipients: Awaited<ReturnType<typeof recipientsTold>>;
  timeZone: string;
}) {
  if (recipients.length === 0) return null;
  return (
    <section aria-labelledby="recipients-title">
      <h2 id="recipients-title">Who we tell about the change</h2>
      <p>
        We disclosed your data to these organisations. The law asks us to tell each of them about the change we made, so
        that they can make it too.
      </p>
      <dl className="summary-list">
        {recipients.map((r) => (
          <div key={r.name}>
            <dt>
              {r.name} <span className="hint">({r.role})</span>
            </dt>
            <dd>
              {r.state === 'told' && r.toldAt
                ? `Told on ${formatPublicDate(r.toldAt, timeZone)}`
                : r.state === 'not_told'
                  ? r.notToldLabel
                  : 'To be told'}
              {r.explanation && <p className="hint">{r.explanation}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
