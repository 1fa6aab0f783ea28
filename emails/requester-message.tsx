import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequesterMessageEmailProps = {
  brand: Brand;
  reference: string;
  message: string;
  clockPaused: boolean;
  statusUrl: string;
};

export const requesterMessageSubject = (p: RequesterMessageEmailProps) =>
  `We need something from you for privacy request ${p.reference}`;

/** Staff ask the requester for clarification or identity information; the answer goes in on the status page. */
export default function RequesterMessageEmail(p: RequesterMessageEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="Please answer on your request's status page">
      <Text style={paragraph}>To go on with your privacy request {p.reference}, we need the following from you:</Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap', borderLeft: '3px solid #c8cdd4', paddingLeft: '12px' }}>
        {p.message}
      </Text>
      <Text style={paragraph}>
        Please answer on your request&apos;s status page.{' '}
        {p.clockPaused
          ? 'The time we have to answer is paused until you reply.'
          : 'Your request keeps its original date.'}
      </Text>
      <Button href={p.statusUrl} style={button}>
        Answer on the status page
      </Button>
    </EmailLayout>
  );
}

RequesterMessageEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  message: 'Which Bitstride organization does the account belong to?',
  clockPaused: true,
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies RequesterMessageEmailProps;
