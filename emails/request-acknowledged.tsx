import { Text } from '@react-email/components';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestAcknowledgedEmailProps = { brand: Brand; reference: string; receivedOn: string; dueOn: string };

export const requestAcknowledgedSubject = (p: RequestAcknowledgedEmailProps) =>
  `We received your privacy request ${p.reference}`;

/** The confirmation of receipt California requires within 10 business days (CCPA regs §7021). */
export default function RequestAcknowledgedEmail(p: RequestAcknowledgedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`We will answer by ${p.dueOn}`}>
      <Text style={paragraph}>
        We received your privacy request {p.reference} on {p.receivedOn}.
      </Text>
      <Text style={paragraph}>
        How we verify it: we sent a single-use link to this email address. Opening it confirms that the request comes
        from the person who controls this address; we do not ask for identity documents. If we need more to match the
        request to our records, we will write to you.
      </Text>
      <Text style={paragraph}>We will answer by {p.dueOn}.</Text>
    </EmailLayout>
  );
}

RequestAcknowledgedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  receivedOn: '26 November 2026',
  dueOn: '10 January 2027',
} satisfies RequestAcknowledgedEmailProps;
