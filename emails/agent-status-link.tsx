import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AgentStatusLinkEmailProps = {
  brand: Brand;
  reference: string;
  /** The agent's own, read-only status page. */
  statusUrl: string;
  /** Whether the person agreed that the agent gets a copy of our emails to them. */
  copies: boolean;
};

export const agentStatusLinkSubject = (p: AgentStatusLinkEmailProps) =>
  `The privacy request ${p.reference} you made is with our team`;

export default function AgentStatusLinkEmail(p: AgentStatusLinkEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="Follow the request you made as an authorized agent">
      <Text style={paragraph}>
        The privacy request {p.reference} that you made as an authorized agent is confirmed and with our privacy team.
        You can follow its progress on this page:
      </Text>
      <Button href={p.statusUrl} style={button}>
        Follow the request
      </Button>
      <Text style={paragraph}>
        {p.copies
          ? 'The person agreed that you receive a copy of every email we send them about this request.'
          : 'We write to the person the request is about; you will not receive copies of those emails.'}{' '}
        Any personal data we disclose goes to the person only, never to an agent.
      </Text>
    </EmailLayout>
  );
}

AgentStatusLinkEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  statusUrl: 'http://localhost:3000/status/abc/agent?token=example',
  copies: true,
} satisfies AgentStatusLinkEmailProps;
