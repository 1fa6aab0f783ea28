import { Button, Text } from '@react-email/components';
import type { RequestType } from '@/lib/universal/codes';
import { requestTypeList } from '@/lib/universal/i18n/code-labels';
import type { Translator } from '@/lib/universal/i18n/translator';
import { ACTED_AT_RECEIPT_WORDING } from '@/lib/universal/opt-out-wording';
import { type EmailLocaleProps, emailDate, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type OptOutReceivedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** The types acted on at receipt (lib/universal/opt-out-wording.ts). */
  types: RequestType[];
  /** SELLS_OR_SHARES_PERSONAL_INFORMATION, for what the opt-out of sale/sharing does. */
  sellsOrShares: boolean;
  receivedAt: Date;
  dueAt: Date;
  timeZone: string;
  statusUrl: string;
};

const actedOn = (types: readonly RequestType[]) => types.filter((type) => ACTED_AT_RECEIPT_WORDING[type]);
/** One type by its name, several together: the ICU select's key. */
const typeKey = (types: readonly RequestType[]) => (actedOn(types).length === 1 ? actedOn(types)[0] : 'several');

/** What a type does, in short (the same sentences as the confirmation page's). */
function effect(t: Translator, type: RequestType, sellsOrShares: boolean): string | null {
  switch (type) {
    case 'unsubscribe':
      return t('email.optOut.inShort.unsubscribe');
    case 'opt_out_sale':
      return t(sellsOrShares ? 'email.optOut.inShort.optOutSale.sells' : 'email.optOut.inShort.optOutSale.none');
    case 'limit_sensitive':
      return t('email.optOut.inShort.limitSensitive');
    case 'objection':
      return t('email.optOut.inShort.objection');
    default:
      return null;
  }
}

export const optOutReceivedSubject = (p: OptOutReceivedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.optOut.subject', { type: typeKey(p.types), reference: p.reference });

/**
 * Sent at receipt of a request acted on at receipt only (opt-outs, unsubscribing, an objection): it
 * needs no confirmation, so this email confirms it, says what each part does, and tells the owner of
 * the address, who may not be the person who filed it, what it changes.
 */
export default function OptOutReceivedEmail(p: OptOutReceivedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  const type = typeKey(p.types);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.optOut.preview')}>
      <Text style={paragraph}>
        {t('email.optOut.body', {
          type,
          reference: p.reference,
          types: requestTypeList(t, p.types),
          receivedOn: emailDate(p.locale, p.receivedAt, p.timeZone),
          dueOn: emailDate(p.locale, p.dueAt, p.timeZone),
        })}
      </Text>
      {actedOn(p.types).map((acted) => (
        <Text key={acted} style={paragraph}>
          {effect(t, acted, p.sellsOrShares)}
        </Text>
      ))}
      <Text style={paragraph}>{t('email.optOut.follow')}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.received.button')}
      </Button>
      <Text style={paragraph}>{t('email.optOut.notYou', { type, contact: p.brand.contactEmail })}</Text>
    </EmailLayout>
  );
}

OptOutReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  types: ['unsubscribe'],
  sellsOrShares: false,
  receivedAt: new Date('2026-11-26T12:00:00Z'),
  dueAt: new Date('2026-12-10T23:59:59Z'),
  timeZone: 'America/Los_Angeles',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies OptOutReceivedEmailProps;
