import { Button, Text } from '@react-email/components';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestDecidedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** part_completed: some of the request's types are done, the others still open. */
  outcome: 'completed' | 'part_completed' | 'denied' | 'partially_denied';
  reasonLabel: string | null;
  message: string;
  /** The notices the requester's regime requires with a refusal (complaint, court, appeal). */
  notices: string[];
  statusUrl: string;
  /** Per system: what was done, when, and anything kept and why (fulfilment). */
  /** Access/export: the package is being prepared; download after re-confirming the email on the status page. */
  downloadDays?: number;
  systems?: { system: string; action: string; when: string | null; detail: string | null; kept: string | null }[];
  /** The parts of the request completed with this message, when not the whole request. */
  completedParts?: string[];
  /** part_completed: the parts still open, and when we answer them at the latest. */
  openParts?: string[];
  openDueOn?: string;
};

export const requestDecidedSubject = (p: RequestDecidedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.decided.subject', { outcome: p.outcome, reference: p.reference });

/**
 * The decision. Its own sentences are in the request's language; what staff wrote goes as written,
 * and what the rules and the systems word (reason, parts, per-system lines, the regime's notices) is
 * still English, marked so.
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
          {t('email.decided.completedNow')} <span lang="en">{p.completedParts.join('; ')}</span>.
        </Text>
      ) : null}
      {p.openParts?.length ? (
        <Text style={paragraph}>
          {t('email.decided.stillOpen')} <span lang="en">{p.openParts.join('; ')}</span>.{' '}
          {t('email.decided.openBy', { dueOn: p.openDueOn ?? '' })}
        </Text>
      ) : null}
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap' }}>{p.message}</Text>
      {p.systems?.length ? <Text style={{ ...paragraph, fontWeight: 600 }}>{t('email.decided.systems')}</Text> : null}
      {p.systems?.map((s) => (
        <Text key={`${s.system}:${s.action}`} style={paragraph} lang="en">
          {s.system}: {s.action}
          {s.when ? ` on ${s.when}` : ''}.{s.detail ? ` ${s.detail}` : ''}
          {s.kept ? ` Kept: ${s.kept}` : ''}
        </Text>
      ))}
      {p.downloadDays ? <Text style={paragraph}>{t('email.decided.download', { days: p.downloadDays })}</Text> : null}
      {p.reasonLabel ? (
        <Text style={paragraph}>
          {t('email.decided.reason')} <span lang="en">{p.reasonLabel}</span>.
        </Text>
      ) : null}
      {p.notices.map((notice) => (
        <Text key={notice} style={paragraph} lang="en">
          {notice}
        </Text>
      ))}
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
  reasonLabel: 'we could not verify your identity',
  message: 'We could not match the details you gave to an account.',
  notices: ['You have the right to complain to a supervisory authority and to seek a judicial remedy.'],
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies RequestDecidedEmailProps;
