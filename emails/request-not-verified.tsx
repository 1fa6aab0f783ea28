import { Button, Text } from '@react-email/components';
import { sayIn } from '@/lib/i18n/say-phrases';
import { type Phrase, phrase } from '@/lib/universal/i18n/phrase';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';
import { Notices } from './notices';

export type RequestNotVerifiedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** What happened, as kept with the decision. */
  message: string | Phrase;
  /** The reason, in the reader's words (lib/requests/denial-notices.ts). */
  reasonLabel: Phrase;
  /** The notices the requester's regime requires with a refusal (complaint, appeal, what the law allows). */
  notices: Phrase[];
  /** The status page, where the decision can be read and, where the regime has one, appealed. */
  statusUrl: string;
  newRequestUrl: string;
};

export const requestNotVerifiedSubject = (p: RequestNotVerifiedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.notVerified.subject', { reference: p.reference });

/**
 * The decision on a request whose email address was not confirmed before its newest link ran out:
 * denied, because we could not verify it. Worded for a request that may have had parts acted on
 * without verification, so it speaks only of the parts that needed it. What the decision keeps in
 * English (a message given as text) is marked so; the reason and the regime's notices speak the request's language.
 */
export default function RequestNotVerifiedEmail(p: RequestNotVerifiedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.notVerified.preview')}>
      <Text style={{ ...paragraph, fontWeight: 600 }}>
        {t('email.notVerified.heading', { reference: p.reference })}
      </Text>
      {typeof p.message === 'string' ? (
        <Text style={paragraph} lang="en">
          {p.message}
        </Text>
      ) : (
        <Text style={paragraph}>{sayIn(t.locale, p.message)}</Text>
      )}
      <Text style={paragraph}>
        {t('email.decided.reason')} {sayIn(t.locale, p.reasonLabel)}.
      </Text>
      <Notices locale={p.locale} notices={p.notices} />
      <Text style={paragraph}>{t('email.notVerified.seeDecision')}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.seeMyRequest')}
      </Button>
      <Text style={paragraph}>{t('email.notVerified.again')}</Text>
      <Button href={p.newRequestUrl} style={button}>
        {t('email.notVerified.newRequest')}
      </Button>
    </EmailLayout>
  );
}

RequestNotVerifiedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  message: phrase('legal.closed.unconfirmed'),
  reasonLabel: phrase('legal.reason.cannot_verify'),
  notices: [phrase('legal.appeal', { days: 60, contactEmail: 'legal@bitstride.xyz' })],
  statusUrl: 'http://localhost:3000/status/abc?token=example',
  newRequestUrl: 'http://localhost:3000/',
} satisfies RequestNotVerifiedEmailProps;
