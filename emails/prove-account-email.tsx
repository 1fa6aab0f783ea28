import { Button, Text } from '@react-email/components';
import { durationLabel } from '@/lib/universal/i18n/code-labels';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type ProveAccountEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  confirmUrl: string;
  /** How long the link works, in hours: said in days or hours, in the email's language. */
  expiresInHours: number;
};

export const proveAccountEmailSubject = (p: ProveAccountEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.proveAccount.subject', { reference: p.reference });

/**
 * Sent to the account email a requester named, at their asking. Whoever reads it may not be the
 * requester: it says nothing about the request beyond its reference, and ignoring it changes nothing.
 */
export default function ProveAccountEmail(p: ProveAccountEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.proveAccount.preview')}>
      <Text style={paragraph}>
        {t('email.proveAccount.intro', { reference: p.reference, company: p.brand.companyName })}
      </Text>
      <Button href={p.confirmUrl} style={button}>
        {t('accountEmail.button')}
      </Button>
      <Text style={paragraph}>
        {t('email.proveAccount.expires', {
          expiresIn: durationLabel(t, p.expiresInHours),
          contact: p.brand.contactEmail,
        })}
      </Text>
      <Text style={paragraph}>{t('email.buttonFallback', { url: p.confirmUrl })}</Text>
    </EmailLayout>
  );
}

ProveAccountEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  confirmUrl: 'http://localhost:3000/verify/account-email?token=example',
  expiresInHours: 24,
} satisfies ProveAccountEmailProps;
