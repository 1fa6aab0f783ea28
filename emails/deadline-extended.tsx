import { Button, Text } from '@react-email/components';
import { sayIn } from '@/lib/i18n/say-phrases';
import { authorityPhrase } from '@/lib/universal/i18n/authority-names';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type DeadlineExtendedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** What staff wrote: sent as written. */
  reason: string;
  previousDueAt: Date;
  newDueAt: Date;
  timeZone: string;
  /** Who the requester may complain to about the extension, from the jurisdiction rules (PIPEDA s.8(4)). */
  authority: { name: string; url: string | null } | null;
  statusUrl: string;
};

export const deadlineExtendedSubject = (p: DeadlineExtendedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.extended.subject', { reference: p.reference });

/** The extension notice, with its reasons, that GDPR Art. 12(3), CCPA §7021 and PIPEDA s.8(4) require. */
export default function DeadlineExtendedEmail(p: DeadlineExtendedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  const newDueOn = emailDate(p.locale, p.newDueAt, p.timeZone);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.extended.preview', { newDueOn })}>
      <Text style={paragraph}>
        {t('email.extended.body', {
          reference: p.reference,
          previousDueOn: emailDate(p.locale, p.previousDueAt, p.timeZone),
          newDueOn,
        })}
      </Text>
      <Text style={paragraph}>{t('email.extended.why', { reason: p.reason })}</Text>
      <Text style={paragraph}>
        {p.authority
          ? t('email.extended.disagreeAuthority', {
              contact: p.brand.contactEmail,
              // The authority's name in the reader's words (its official name), its address as is.
              authority: sayIn(t.locale, authorityPhrase(p.authority)),
            })
          : t('email.extended.disagree', { contact: p.brand.contactEmail })}
      </Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.received.button')}
      </Button>
    </EmailLayout>
  );
}

DeadlineExtendedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  reason: 'Your request covers several systems and a large volume of data.',
  previousDueAt: new Date('2026-12-26T23:59:59Z'),
  newDueAt: new Date('2027-02-26T23:59:59Z'),
  timeZone: 'America/Toronto',
  authority: {
    name: 'the Office of the Privacy Commissioner of Canada',
    url: 'https://www.priv.gc.ca/en/report-a-concern/',
  },
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies DeadlineExtendedEmailProps;
