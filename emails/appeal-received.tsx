import { Button, Text } from '@react-email/components';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AppealReceivedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  receivedAt: Date;
  decideBy: Date;
  timeZone: string;
  statusUrl: string;
};

export const appealReceivedSubject = (p: AppealReceivedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.appealReceived.subject', { reference: p.reference });

/** Sent when a requester appeals a denial: the appeal has its own deadline. */
export default function AppealReceivedEmail(p: AppealReceivedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.appealReceived.preview')}>
      <Text style={paragraph}>
        {t('email.appealReceived.body', {
          reference: p.reference,
          receivedOn: emailDate(p.locale, p.receivedAt, p.timeZone),
        })}
      </Text>
      <Text style={paragraph}>
        {t('email.appealReceived.review', { decideBy: emailDate(p.locale, p.decideBy, p.timeZone) })}
      </Text>
      <Text style={paragraph}>{t('email.questions', { contact: p.brand.contactEmail })}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.seeMyRequest')}
      </Button>
    </EmailLayout>
  );
}

AppealReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  receivedAt: new Date('2026-11-26T12:00:00Z'),
  decideBy: new Date('2027-01-25T23:59:59Z'),
  timeZone: 'America/New_York',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies AppealReceivedEmailProps;
