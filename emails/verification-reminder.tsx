import { Button, Text } from '@react-email/components';
import { type EmailLocaleProps, emailTime, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type VerificationReminderEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  verifyUrl: string;
  /** When the link runs out; the email names the clock time and the place of the request's zone. */
  expiresAt: Date;
  timeZone: string;
};

export const verificationReminderSubject = (p: VerificationReminderEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.reminder.subject', { reference: p.reference });

/**
 * Sent once, shortly before the verification link runs out, to a request still waiting for
 * confirmation. Its link is new (links are stored hashed, so the first one cannot be sent again) and
 * runs out at the same moment as the first: the reminder does not give the request longer.
 */
export default function VerificationReminderEmail(p: VerificationReminderEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.reminder.preview', { reference: p.reference })}>
      <Text style={paragraph}>{t('email.reminder.intro', { reference: p.reference })}</Text>
      <Button href={p.verifyUrl} style={button}>
        {t('email.verify.button')}
      </Button>
      <Text style={paragraph}>{t('email.reminder.expires', emailTime(p.locale, p.expiresAt, p.timeZone))}</Text>
      <Text style={paragraph}>{t('email.reminder.notYou')}</Text>
      <Text style={paragraph}>{t('email.buttonFallback', { url: p.verifyUrl })}</Text>
    </EmailLayout>
  );
}

VerificationReminderEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  verifyUrl: 'http://localhost:3000/verify?token=example',
  expiresAt: new Date('2026-12-23T03:30:00Z'),
  timeZone: 'America/Los_Angeles',
} satisfies VerificationReminderEmailProps;
