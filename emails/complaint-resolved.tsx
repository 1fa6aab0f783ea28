import { Button, Text } from '@react-email/components';
import { sayIn } from '@/lib/i18n/say-phrases';
import { type Phrase, phrase } from '@/lib/universal/i18n/phrase';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type ComplaintResolvedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** What staff wrote: sent as written, in whatever language they wrote it. */
  message: string;
  /** Where to turn when not satisfied (UK: the ICO), in the request's language. */
  authority: Phrase | null;
  statusUrl: string;
};

export const complaintResolvedSubject = (p: ComplaintResolvedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.complaintResolved.subject', { reference: p.reference });

/** The outcome of a complaint (UK DPA 2018 s.164A(4)(b)). */
export default function ComplaintResolvedEmail(p: ComplaintResolvedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.complaintResolved.preview')}>
      <Text style={{ ...paragraph, fontWeight: 600 }}>
        {t('email.complaintResolved.body', { reference: p.reference })}
      </Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap' }}>{p.message}</Text>
      {p.authority ? <Text style={paragraph}>{sayIn(t.locale, p.authority)}</Text> : null}
      <Button href={p.statusUrl} style={button}>
        {t('email.seeMyRequest')}
      </Button>
    </EmailLayout>
  );
}

ComplaintResolvedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  message: 'We found that our reply was late by two days. We have changed how reminders reach the team.',
  authority: phrase('legal.complaintUnsatisfied.uk', { url: 'https://ico.org.uk/make-a-complaint/' }),
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies ComplaintResolvedEmailProps;
