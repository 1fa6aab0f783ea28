import { Text } from '@react-email/components';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AgentNotAuthorizedEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** person: the person said they did not ask anyone; staff: the proof was not accepted. */
  by: 'person' | 'staff';
  /** What staff wrote, when they decided: sent as written. */
  message?: string;
};

export const agentNotAuthorizedSubject = (p: AgentNotAuthorizedEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.agentRefused.subject', { reference: p.reference });

export default function AgentNotAuthorizedEmail(p: AgentNotAuthorizedEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.agentRefused.preview')}>
      <Text style={paragraph}>
        {t(p.by === 'person' ? 'email.agentRefused.byPerson' : 'email.agentRefused.byStaff', {
          reference: p.reference,
        })}
      </Text>
      {p.message && <Text style={paragraph}>{p.message}</Text>}
      <Text style={paragraph}>{t('email.agentRefused.mistake', { contact: p.brand.contactEmail })}</Text>
    </EmailLayout>
  );
}

AgentNotAuthorizedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  by: 'person',
} satisfies AgentNotAuthorizedEmailProps;
