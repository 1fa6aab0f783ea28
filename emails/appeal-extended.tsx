import { Button, Text } from '@react-email/components';
import { sayIn } from '@/lib/i18n/say-phrases';
import { authorityPhrase } from '@/lib/universal/i18n/authority-names';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AppealExtendedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** What staff wrote: sent as written. */
  reason: string;
  previousDecideBy: Date;
  newDecideBy: Date;
  timeZone: string;
  /** Who the requester may contact, from the jurisdiction rules (the state's Attorney General). */
  authority: { name: string; url: string | null } | null;
  statusUrl: string;
};

export const appealExtendedSubject = (p: AppealExtendedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.appealExtended.subject', { reference: p.reference });

/**
 * The notice of an appeal's extension, with its reasons, inside the first decision period
 * (C.R.S. 6-1-1306(3)(b): 45 days, extendable by 60).
 */
export default function AppealExtendedEmail(p: AppealExtendedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  const newDecideBy = emailDate(p.locale, p.newDecideBy, p.timeZone);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.appealExtended.preview', { newDecideBy })}>
      <Text style={paragraph}>
        {t('email.appealExtended.body', {
          reference: p.reference,
          previousDecideBy: emailDate(p.locale, p.previousDecideBy, p.timeZone),
          newDecideBy,
        })}
      </Text>
      <Text style={paragraph}>{t('email.extended.why', { reason: p.reason })}</Text>
      <Text style={paragraph}>
        {p.authority
          ? t('email.appealExtended.concernsAuthority', {
              contact: p.brand.contactEmail,
              // The authority's name in the reader's words (its official name), its address as is.
              authority: sayIn(t.locale, authorityPhrase(p.authority)),
            })
          : t('email.appealExtended.questions', { contact: p.brand.contactEmail })}
      </Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.seeMyRequest')}
      </Button>
    </EmailLayout>
  );
}

AppealExtendedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  reason: 'Your appeal concerns several systems and we are checking each of them again.',
  previousDecideBy: new Date('2027-01-10T23:59:59Z'),
  newDecideBy: new Date('2027-03-11T23:59:59Z'),
  timeZone: 'America/Denver',
  authority: {
    name: 'the Office of the Privacy Commissioner of Canada',
    url: 'https://www.priv.gc.ca/en/report-a-concern/',
  },
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies AppealExtendedEmailProps;
