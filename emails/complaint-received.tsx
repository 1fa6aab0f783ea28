import { Button, Text } from '@react-email/components';
import { sayIn } from '@/lib/i18n/say-phrases';
import { type Phrase, phrase } from '@/lib/universal/i18n/phrase';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type ComplaintReceivedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  receivedAt: Date;
  respondBy: Date;
  timeZone: string;
  /** Where a complainant who is not satisfied may turn (UK: the ICO), or null. In English so far. */
  /** Where to turn when not satisfied (UK: the ICO), in the request's language. */
  authority: Phrase | null;
  statusUrl: string;
};

export const complaintReceivedSubject = (p: ComplaintReceivedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.complaintReceived.subject', { reference: p.reference });

/** The acknowledgement of a complaint (UK DPA 2018 s.164A(3)), sent as soon as it is received. */
export default function ComplaintReceivedEmail(p: ComplaintReceivedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.complaintReceived.preview')}>
      <Text style={paragraph}>
        {t('email.complaintReceived.body', {
          reference: p.reference,
          receivedOn: emailDate(p.locale, p.receivedAt, p.timeZone),
        })}
      </Text>
      <Text style={paragraph}>
        {t('email.complaintReceived.next', { respondBy: emailDate(p.locale, p.respondBy, p.timeZone) })}
      </Text>
      {p.authority ? <Text style={paragraph}>{sayIn(t.locale, p.authority)}</Text> : null}
      <Text style={paragraph}>{t('email.questions', { contact: p.brand.contactEmail })}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.seeMyRequest')}
      </Button>
    </EmailLayout>
  );
}

ComplaintReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  receivedAt: new Date('2026-12-02T12:00:00Z'),
  respondBy: new Date('2026-12-31T23:59:59Z'),
  timeZone: 'Europe/London',
  authority: phrase('legal.complaintUnsatisfied.uk', { url: 'https://ico.org.uk/make-a-complaint/' }),
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies ComplaintReceivedEmailProps;
