import { Text } from '@react-email/components';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestWithdrawnEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  withdrawnAt: Date;
  timeZone: string;
};

export const requestWithdrawnSubject = (p: RequestWithdrawnEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.withdrawn.subject', { reference: p.reference });

export default function RequestWithdrawnEmail(p: RequestWithdrawnEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.withdrawn.preview')}>
      <Text style={paragraph}>
        {t('email.withdrawn.body', {
          reference: p.reference,
          withdrawnOn: emailDate(p.locale, p.withdrawnAt, p.timeZone),
        })}
      </Text>
      <Text style={paragraph}>{t('email.withdrawn.notYou', { contact: p.brand.contactEmail })}</Text>
    </EmailLayout>
  );
}

RequestWithdrawnEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  withdrawnAt: new Date('2026-11-26T12:00:00Z'),
  timeZone: 'Europe/London',
} satisfies RequestWithdrawnEmailProps;
