import { Button, Text } from '@react-email/components';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type DownloadLinkEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  downloadUrl: string;
  linkMinutes: number;
  packageExpiresAt: Date;
  timeZone: string;
};

export const downloadLinkSubject = (p: DownloadLinkEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.download.subject', { reference: p.reference });

/** The one-time link that re-confirms control of the email before we disclose the data package. */
export default function DownloadLinkEmail(p: DownloadLinkEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.download.preview')}>
      <Text style={paragraph}>{t('email.download.body', { reference: p.reference, minutes: p.linkMinutes })}</Text>
      <Button href={p.downloadUrl} style={button}>
        {t('email.download.button')}
      </Button>
      <Text style={paragraph}>
        {t('email.download.until', {
          expiresOn: emailDate(p.locale, p.packageExpiresAt, p.timeZone),
          contact: p.brand.contactEmail,
        })}
      </Text>
    </EmailLayout>
  );
}

DownloadLinkEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  downloadUrl: 'http://localhost:3000/download/example',
  linkMinutes: 60,
  packageExpiresAt: new Date('2026-12-03T12:00:00Z'),
  timeZone: 'Europe/London',
} satisfies DownloadLinkEmailProps;
