import { Button, Text } from '@react-email/components';
import { sayIn } from '@/lib/i18n/say-phrases';
import { type Phrase, phrase } from '@/lib/universal/i18n/phrase';
import type { RequestType } from '@/lib/universal/codes';
import { requestTypeList } from '@/lib/universal/i18n/code-labels';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';
import { Notices } from './notices';

export type RequestDecidedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** part_completed: some of the request's types are done, the others still open. */
  outcome: 'completed' | 'part_completed' | 'denied' | 'partially_denied';
  /** The reason, in the reader's words (lib/requests/denial-notices.ts). */
  reasonLabel: Phrase | null;
  /** Staff's words as written, or the portal's own (a phrase, in the request's language). */
  message: string | Phrase;
  /** The notices the requester's regime requires with a refusal (complaint, court, appeal). */
  notices: Phrase[];
  statusUrl: string;
  /** Per system: what was done, when, and anything kept and why (fulfilment). */
  /** Access/export: the package is being prepared; download after re-confirming the email on the status page. */
  downloadDays?: number;
  systems?: { system: string; action: string; line: Phrase[] }[];
  /** The parts of the request completed with this message, when not the whole request. */
  completedParts?: RequestType[];
  /** part_completed: the parts still open, and when we answer them at the latest. */
  openParts?: RequestType[];
  /** The nearest deadline of the open parts, dated in the request's zone. */
  openDue?: { at: Date; timeZone: string };
};

export const requestDecidedSubject = (p: RequestDecidedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.decided.subject', { outcome: p.outcome, reference: p.reference });

/**
 * The decision, in the request's language: its own sentences, the reason, the parts, the per-system
 * lines and the regime's notices (phrases the rules and the systems give). What staff wrote, and a
 * system's own confirmation, go as written.
 */
export default function RequestDecidedEmail(p: RequestDecidedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  const title = t('email.decided.title', { outcome: p.outcome });
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={title}>
      <Text style={{ ...paragraph, fontWeight: 600 }}>
        {t('email.decided.heading', { title, reference: p.reference })}
      </Text>
      {p.completedParts?.length ? (
        <Text style={paragraph}>
          {t('email.decided.completedNow')} {requestTypeList(t, p.completedParts)}.
        </Text>
      ) : null}
      {p.openParts?.length ? (
        <Text style={paragraph}>
          {t('email.decided.stillOpen')} {requestTypeList(t, p.openParts)}.{' '}
          {t('email.decided.openBy', { dueOn: p.openDue ? emailDate(p.locale, p.openDue.at, p.openDue.timeZone) : '' })}
        </Text>
      ) : null}
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap' }}>
        {typeof p.message === 'string' ? p.message : sayIn(t.locale, p.message)}
      </Text>
      {p.systems?.length ? <Text style={{ ...paragraph, fontWeight: 600 }}>{t('email.decided.systems')}</Text> : null}
      {p.systems?.map((s) => (
        <Text key={`${s.system}:${s.action}`} style={paragraph}>
          {s.line.map((sentence) => sayIn(t.locale, sentence)).join(' ')}
        </Text>
      ))}
      {p.downloadDays ? <Text style={paragraph}>{t('email.decided.download', { days: p.downloadDays })}</Text> : null}
      {p.reasonLabel ? (
        <Text style={paragraph}>
          {t('email.decided.reason')} {sayIn(t.locale, p.reasonLabel)}.
        </Text>
      ) : null}
      <Notices locale={p.locale} notices={p.notices} />
      <Text style={paragraph}>{t('email.decided.record')}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.seeMyRequest')}
      </Button>
    </EmailLayout>
  );
}

RequestDecidedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  outcome: 'denied',
  reasonLabel: phrase('legal.reason.cannot_verify'),
  message: 'We could not match the details you gave to an account.',
  notices: [phrase('legal.complaint.eu'), phrase('legal.judicialRemedy')],
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies RequestDecidedEmailProps;
