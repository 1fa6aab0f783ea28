import { Button, Text } from '@react-email/components';
import { type EmailLocaleProps, emailTranslator } from './email-locale';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AgentStatusLinkEmailProps = EmailLocaleProps & {
  brand: Brand;
  reference: string;
  /** The agent's own, read-only status page. */
  statusUrl: string;
  /** Whether the person agreed that the agent gets a copy of our emails to them. */
  copies: boolean;
};

export const agentStatusLinkSubject = (p: AgentStatusLinkEmailProps) =>
  emailTranslator(p.locale, p.edited)('email.agentStatus.subject', { reference: p.reference });

export default function AgentStatusLinkEmail(p: AgentStatusLinkEmailProps) {
  const t = emailTranslator(p.locale, p.edited);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t('email.agentStatus.preview')}>
      <Text style={paragraph}>{t('email.agentStatus.body', { reference: p.reference })}</Text>
      <Button href={p.statusUrl} style={button}>
        {t('email.agentStatus.button')}
      </Button>
      <Text style={paragraph}>{t(p.copies ? 'email.agentStatus.copies' : 'email.agentStatus.noCopies')}</Text>
    </EmailLayout>
  );
}

AgentStatusLinkEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  statusUrl: 'http://localhost:3000/status/abc/agent?token=example',
  copies: true,
} satisfies AgentStatusLinkEmailProps;
