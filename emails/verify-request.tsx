import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type VerifyRequestEmailProps = {
  brand: Brand;
  reference: string;
  verifyUrl: string;
  /** How long the link works, in words ("10 days"). */
  expiresIn: string;
  /**
   * An authorized agent filed the request. `person`: this email goes to the person it is about, who
   * confirms or refuses the agent (signed permission). `agent`: it goes to the agent, who holds a
   * power of attorney and confirms their own address.
   */
  agent?: { name: string; recipient: 'person' | 'agent' };
};

export const verifyRequestSubject = (p: VerifyRequestEmailProps) =>
  p.agent?.recipient === 'person'
    ? `Did you ask ${p.agent.name} to make a privacy request for you? (${p.reference})`
    : `Confirm your privacy request ${p.reference}`;

export default function VerifyRequestEmail({ brand, reference, verifyUrl, expiresIn, agent }: VerifyRequestEmailProps) {
  if (agent?.recipient === 'person')
    return (
      <EmailLayout brand={brand} preview={`${agent.name} made a privacy request for you`}>
        <Text style={paragraph}>
          {agent.name} made a privacy request ({reference}) for you, as your authorized agent, and sent us a signed
          permission. Before we act on it, we need to hear from you. Open the page below to confirm that you asked{' '}
          {agent.name} to do this, or to tell us that you did not:
        </Text>
        <Button href={verifyUrl} style={button}>
          Confirm or refuse
        </Button>
        <Text style={paragraph}>
          The link works once and expires in {expiresIn}. If you do nothing, we will not act on the request.
        </Text>
        <Text style={paragraph}>If the button does not work, copy this address into your browser: {verifyUrl}</Text>
      </EmailLayout>
    );
  return (
    <EmailLayout brand={brand} preview={`Confirm your privacy request ${reference}`}>
      <Text style={paragraph}>
        {agent
          ? `We received a privacy request (${reference}) that you made as the holder of a power of attorney. To make sure this is your email address, please confirm it:`
          : `We received a privacy request (${reference}) for this email address. To make sure it really comes from you, please confirm it:`}
      </Text>
      <Button href={verifyUrl} style={button}>
        Confirm my request
      </Button>
      <Text style={paragraph}>
        The link works once and expires in {expiresIn}. If you did not make this request, you do not need to do
        anything: we will close it when the link runs out.
      </Text>
      <Text style={paragraph}>If the button does not work, copy this address into your browser: {verifyUrl}</Text>
    </EmailLayout>
  );
}

VerifyRequestEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  verifyUrl: 'http://localhost:3000/verify?token=example',
  expiresIn: '10 days',
} satisfies VerifyRequestEmailProps;
