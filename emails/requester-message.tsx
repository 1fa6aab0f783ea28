import { Button, Text } from '@react-email/components';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequesterMessageEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** What staff wrote: sent as written, in whatever language they wrote it. */
  message: string;
  clockPaused: boolean;
  statusUrl: string;
};

export const requesterMessageSubject = (p: RequesterMessageEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.requesterMessage.subject', { reference: p.reference });

/** Staff ask the requester for clarification or identity information; the answer goes in on the status page. */
export default function RequesterMessageEmail(p: RequesterMessageEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.requesterMessage.preview')}>
      <Text style={paragraph}>{t('email.requesterMessage.intro', { reference: p.reference })}</Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap', borderLeft: '3px solid #c8cdd4', paddingLeft: '12px' }}>
        {p.message}
      </Text>
      <Text style={paragraph}>
        {t(p.clockPaused ? 'email.requesterMessage.answerPaused' : 'email.requesterMessage.answerRunning')}
      </Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.requesterMessage.button')}
      </Button>
    </EmailLayout>
  );
}

RequesterMessageEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  message: 'Which Bitstride organization does the account belong to?',
  clockPaused: true,
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies RequesterMessageEmailProps;
