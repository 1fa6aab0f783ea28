import { Button, Text } from '@react-email/components';
import { authorityPhrase } from '@/lib/universal/i18n/authority-names';
import { type Phrase, phrase } from '@/lib/universal/i18n/phrase';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';
import { Notices } from './notices';

export type AppealDecidedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  outcome: 'granted' | 'rejected';
  message: string;
  /** What the regime requires with a rejected appeal (the US states: how to contact the Attorney General). */
  notices: Phrase[];
  statusUrl: string;
};

export const appealDecidedSubject = (p: AppealDecidedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.appealDecided.subject', { outcome: p.outcome, reference: p.reference });

/** The appeal's outcome: staff's message as written, the regime's notices in the request's language. */
export default function AppealDecidedEmail(p: AppealDecidedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  const title = t('email.appealDecided.title', { outcome: p.outcome });
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={title}>
      <Text style={{ ...paragraph, fontWeight: 600 }}>
        {t('email.decided.heading', { title, reference: p.reference })}
      </Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap' }}>{p.message}</Text>
      {p.outcome === 'granted' ? <Text style={paragraph}>{t('email.appealDecided.workingAgain')}</Text> : null}
      <Notices locale={p.locale} notices={p.notices} />
      <Text style={paragraph}>{t('email.appealDecided.record')}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.seeMyRequest')}
      </Button>
    </EmailLayout>
  );
}

AppealDecidedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  outcome: 'rejected',
  message:
    'We reviewed the decision again; the information is exempt because it is part of an ongoing fraud investigation.',
  notices: [phrase('legal.appealRejected', { authority: authorityPhrase({ name: 'the Virginia Attorney General' }) })],
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies AppealDecidedEmailProps;
