import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type ComplaintResolvedEmailProps = {
  brand: Brand;
  reference: string;
  message: string;
  authority: string | null;
  statusUrl: string;
};

export const complaintResolvedSubject = (p: ComplaintResolvedEmailProps) =>
  `The outcome of your complaint about request ${p.reference}`;

/** The outcome of a complaint (UK DPA 2018 s.164A(4)(b)). */
export default function ComplaintResolvedEmail(p: ComplaintResolvedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="The outcome of your complaint">
      <Text style={{ ...paragraph, fontWeight: 600 }}>
        We have looked into your complaint about request {p.reference}. This is the outcome.
      </Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap' }}>{p.message}</Text>
      {p.authority ? <Text style={paragraph}>{p.authority}</Text> : null}
      <Button href={p.statusUrl} style={button}>
        See my request
      </Button>
    </EmailLayout>
  );
}

ComplaintResolvedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  message: 'We found that our reply was late by two days. We have changed how reminders reach the team.',
  authority: null,
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies ComplaintResolvedEmailProps;
