import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type ComplaintReceivedEmailProps = {
  brand: Brand;
  reference: string;
  receivedOn: string;
  respondBy: string;
  /** Where a complainant who is not satisfied may turn (UK: the ICO), or null. */
  authority: string | null;
  statusUrl: string;
};

export const complaintReceivedSubject = (p: ComplaintReceivedEmailProps) =>
  `We received your complaint about request ${p.reference}`;

/** The acknowledgement of a complaint (UK DPA 2018 s.164A(3)), sent as soon as it is received. */
export default function ComplaintReceivedEmail(p: ComplaintReceivedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="We received your complaint">
      <Text style={paragraph}>
        We received your complaint about how we handle your personal data on {p.receivedOn}, linked to your privacy
        request {p.reference}.
      </Text>
      <Text style={paragraph}>
        Someone on our privacy team will look into it, tell you how it is going if it takes time, and tell you the
        outcome by {p.respondBy}.
      </Text>
      {p.authority ? <Text style={paragraph}>{p.authority}</Text> : null}
      <Text style={paragraph}>If you have questions, write to {p.brand.contactEmail}.</Text>
      <Button href={p.statusUrl} style={button}>
        See my request
      </Button>
    </EmailLayout>
  );
}

ComplaintReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  receivedOn: '2 December 2026',
  respondBy: '31 December 2026',
  authority:
    'If you are not satisfied with how we handle your complaint, you can complain to the Information Commissioner’s Office: https://ico.org.uk/make-a-complaint/',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies ComplaintReceivedEmailProps;
