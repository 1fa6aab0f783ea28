import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestReceivedEmailProps = {
  brand: Brand;
  reference: string;
  typesLabel: string;
  receivedOn: string;
  dueOn: string;
  /** What the regime asks to tell at receipt, each in its language (Quebec: French first). */
  notices?: { lang: string; text: string }[];
  statusUrl: string;
};

export const requestReceivedSubject = (p: RequestReceivedEmailProps) => `We have your privacy request ${p.reference}`;

export default function RequestReceivedEmail(p: RequestReceivedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`We will answer by ${p.dueOn}`}>
      <Text style={paragraph}>
        Thank you for confirming. We received your request {p.reference} ({p.typesLabel}) on {p.receivedOn}. We will
        answer by {p.dueOn}.
      </Text>
      {p.notices?.map((notice) => (
        <Text key={notice.text} style={paragraph} lang={notice.lang}>
          {notice.text}
        </Text>
      ))}
      <Text style={paragraph}>
        You can follow its progress, or withdraw it, on your request&apos;s status page. Keep this email: the link is
        personal to you.
      </Text>
      <Button href={p.statusUrl} style={button}>
        See the status of my request
      </Button>
    </EmailLayout>
  );
}

RequestReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  typesLabel: 'access, deletion',
  receivedOn: '26 November 2026',
  dueOn: '26 December 2026',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies RequestReceivedEmailProps;
