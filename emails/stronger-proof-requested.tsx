import { Button, Text } from '@react-email/components';
import type { VerificationLevel } from '@/lib/verification/levels';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type StrongerProofRequestedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** The level asked for: the email names it in its language. */
  level: Exclude<VerificationLevel, 'none'>;
  /** What staff wrote: sent as written. */
  reason: string;
  clockPaused: boolean;
  statusUrl: string;
};

export const strongerProofRequestedSubject = (p: StrongerProofRequestedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.strongerProof.subject', { reference: p.reference });

/** Staff have reasonable doubts about the requester's identity (GDPR Art. 12(6)) and ask for stronger proof. */
export default function StrongerProofRequestedEmail(p: StrongerProofRequestedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.strongerProof.preview')}>
      <Text style={paragraph}>{t('email.strongerProof.intro', { reference: p.reference, level: p.level })}</Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap', borderLeft: '3px solid #c8cdd4', paddingLeft: '12px' }}>
        {p.reason}
      </Text>
      <Text style={paragraph}>
        {t(p.clockPaused ? 'email.strongerProof.waysPaused' : 'email.strongerProof.waysRunning')}
      </Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.strongerProof.button')}
      </Button>
    </EmailLayout>
  );
}

StrongerProofRequestedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  level: 'high',
  reason: 'The request came from an address the account has never used.',
  clockPaused: true,
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies StrongerProofRequestedEmailProps;
