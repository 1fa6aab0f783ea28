import { Text } from '@react-email/components';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AgentNotAuthorizedEmailProps = {
  brand: Brand;
  reference: string;
  /** person: the person said they did not ask anyone; staff: the proof was not accepted. */
  by: 'person' | 'staff';
  /** What staff wrote, when they decided. */
  message?: string;
};

export const agentNotAuthorizedSubject = (p: AgentNotAuthorizedEmailProps) =>
  `The privacy request ${p.reference} was closed: not authorized`;

export default function AgentNotAuthorizedEmail(p: AgentNotAuthorizedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="We will not act on the request you made as an agent">
      <Text style={paragraph}>
        {p.by === 'person'
          ? `The person you made the privacy request ${p.reference} for told us that they did not ask anyone to make it. We have closed the request and will not act on it.`
          : `We could not accept your proof that you are authorized to make the privacy request ${p.reference} for this person. We have closed the request and will not act on it.`}
      </Text>
      {p.message && <Text style={paragraph}>{p.message}</Text>}
      <Text style={paragraph}>
        If you believe this is a mistake, write to {p.brand.contactEmail}, or ask the person to make the request
        themselves.
      </Text>
    </EmailLayout>
  );
}

AgentNotAuthorizedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  by: 'person',
} satisfies AgentNotAuthorizedEmailProps;
