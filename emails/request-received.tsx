import { Button, Text } from '@react-email/components';
import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import type { RequestType } from '@/lib/universal/codes';
import { requestTypeList } from '@/lib/universal/i18n/code-labels';
import { intlLocaleOf } from '@/lib/universal/i18n/locales';
import type { Phrase } from '@/lib/universal/i18n/phrase';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';
import { Notices } from './notices';

export type RequestReceivedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  types: RequestType[];
  receivedAt: Date;
  dueAt: Date;
  /** The zone the regime's days are counted in: the dates are that zone's days. */
  timeZone: string;
  /** What the regime asks to tell at receipt (Quebec: in French first, then in the request's language). */
  notices?: Phrase[];
  statusUrl: string;
};

const dates = (p: RequestReceivedEmailProps) => {
  const locale = intlLocaleOf(p.locale ?? 'en');
  return {
    receivedOn: formatPublicDate(p.receivedAt, p.timeZone, locale),
    dueOn: formatPublicDate(p.dueAt, p.timeZone, locale),
  };
};

export const requestReceivedSubject = (p: RequestReceivedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.received.subject', { reference: p.reference });

export default function RequestReceivedEmail(p: RequestReceivedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  const { receivedOn, dueOn } = dates(p);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.received.preview', { dueOn })}>
      <Text style={paragraph}>
        {t('email.received.body', {
          reference: p.reference,
          types: requestTypeList(t, p.types),
          receivedOn,
          dueOn,
        })}
      </Text>
      {p.notices ? <Notices locale={p.locale} notices={p.notices} /> : null}
      <Text style={paragraph}>{t('email.received.follow')}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.received.button')}
      </Button>
    </EmailLayout>
  );
}

RequestReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  types: ['access', 'deletion'],
  receivedAt: new Date('2026-11-26T12:00:00Z'),
  dueAt: new Date('2026-12-26T23:59:59Z'),
  timeZone: 'Europe/London',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies RequestReceivedEmailProps;
