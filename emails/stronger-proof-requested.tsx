import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type StrongerProofRequestedEmailProps = {
  brand: Brand;
  reference: string;
  /** The level asked for, in words ("high certainty"). */
  levelLabel: string;
  reason: string;
  clockPaused: boolean;
  statusUrl: string;
};

export const strongerProofRequestedSubject = (p: StrongerProofRequestedEmailProps) =>
  `Please prove who you are for privacy request ${p.reference}`;

/** Staff have reasonable doubts about the requester's identity (GDPR Art. 12(6)) and ask for stronger proof. */
export default function StrongerProofRequestedEmail(p: StrongerProofRequestedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="We need stronger proof of your identity">
      <Text style={paragraph}>
        Before we go on with your privacy request {p.reference}, we need to be more certain that it is yours: we ask for
        proof of your identity at &ldquo;{p.levelLabel}&rdquo;, because:
      </Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap', borderLeft: '3px solid #c8cdd4', paddingLeft: '12px' }}>
        {p.reason}
      </Text>
      <Text style={paragraph}>
        Your request&apos;s status page shows the ways you can prove it.{' '}
        {p.clockPaused
          ? 'The time we have to answer is paused until you have.'
          : 'Your request keeps its original date.'}
      </Text>
      <Button href={p.statusUrl} style={button}>
        Prove who you are
      </Button>
    </EmailLayout>
  );
}

StrongerProofRequestedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  levelLabel: 'high certainty',
  reason: 'The request came from an address the account has never used.',
  clockPaused: true,
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies StrongerProofRequestedEmailProps;
