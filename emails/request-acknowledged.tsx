import { Text } from '@react-email/components';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestAcknowledgedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  receivedAt: Date;
  dueAt: Date;
  /** The regime's zone: the dates are its days. */
  timeZone: string;
};

export const requestAcknowledgedSubject = (p: RequestAcknowledgedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.acknowledged.subject', { reference: p.reference });

/** The confirmation of receipt California requires within 10 business days (CCPA regs §7021). */
export default function RequestAcknowledgedEmail(p: RequestAcknowledgedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  const dueOn = emailDate(p.locale, p.dueAt, p.timeZone);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.received.preview', { dueOn })}>
      <Text style={paragraph}>
        {t('email.acknowledged.received', {
          reference: p.reference,
          receivedOn: emailDate(p.locale, p.receivedAt, p.timeZone),
        })}
      </Text>
      <Text style={paragraph}>{t('email.acknowledged.howWeVerify')}</Text>
      <Text style={paragraph}>{t('email.acknowledged.answerBy', { dueOn })}</Text>
    </EmailLayout>
  );
}

RequestAcknowledgedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  receivedAt: new Date('2026-11-26T12:00:00Z'),
  dueAt: new Date('2027-01-10T23:59:59Z'),
  timeZone: 'America/Los_Angeles',
} satisfies RequestAcknowledgedEmailProps;
