import { Button, Text } from '@react-email/components';
import { durationLabel } from '@/lib/universal/i18n/code-labels';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type VerifyRequestEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  verifyUrl: string;
  /** How long the link works, in hours: the email says it in days or hours, in its language. */
  expiresInHours: number;
  /**
   * An authorized agent filed the request. `person`: this email goes to the person it is about, who
   * confirms or refuses the agent (signed permission). `agent`: it goes to the agent, who holds a
   * power of attorney and confirms their own address.
   */
  agent?: { name: string; recipient: 'person' | 'agent' };
};

export const verifyRequestSubject = (p: VerifyRequestEmailProps) => {
  const t = emailTranslator(p.locale, p.edited);
  return p.agent?.recipient === 'person'
    ? t('email.verify.subjectPerson', { agent: p.agent.name, reference: p.reference })
    : t('email.verify.subject', { reference: p.reference });
};

export default function VerifyRequestEmail({
  brand,
  reference,
  verifyUrl,
  expiresInHours,
  agent,
  locale,
  edited,
}: VerifyRequestEmailProps) {
  const t = emailTranslator(locale, edited);
  const expiresIn = durationLabel(t, expiresInHours);
  const fallback = <Text style={paragraph}>{t('email.buttonFallback', { url: verifyUrl })}</Text>;
  if (agent?.recipient === 'person')
    return (
      <EmailLayout brand={brand} locale={locale} preview={t('email.verify.previewPerson', { agent: agent.name })}>
        <Text style={paragraph}>{t('email.verify.person', { agent: agent.name, reference })}</Text>
        <Button href={verifyUrl} style={button}>
          {t('email.verify.confirmOrRefuse')}
        </Button>
        <Text style={paragraph}>{t('email.verify.expiresPerson', { expiresIn })}</Text>
        {fallback}
      </EmailLayout>
    );
  return (
    <EmailLayout brand={brand} locale={locale} preview={t('email.verify.subject', { reference })}>
      <Text style={paragraph}>{t(agent ? 'email.verify.introAgent' : 'email.verify.intro', { reference })}</Text>
      <Button href={verifyUrl} style={button}>
        {t('email.verify.button')}
      </Button>
      <Text style={paragraph}>{t('email.verify.expires', { expiresIn })}</Text>
      {fallback}
    </EmailLayout>
  );
}

VerifyRequestEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  verifyUrl: 'http://localhost:3000/verify?token=example',
  expiresInHours: 240,
} satisfies VerifyRequestEmailProps;
