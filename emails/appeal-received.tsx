import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AppealReceivedEmailProps = {
  brand: Brand;
  reference: string;
  receivedOn: string;
  decideBy: string;
  statusUrl: string;
};

export const appealReceivedSubject = (p: AppealReceivedEmailProps) => `We received your appeal ${p.reference}`;

/** Sent when a requester appeals a denial: the appeal has its own deadline. */
export default function AppealReceivedEmail(p: AppealReceivedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="We received your appeal">
      <Text style={paragraph}>
        We received your appeal against our decision on your privacy request {p.reference} on {p.receivedOn}.
      </Text>
      <Text style={paragraph}>
        Someone other than the person who made that decision will review it. We will tell you the outcome and our
        reasons by {p.decideBy}.
      </Text>
      <Text style={paragraph}>If you have questions, write to {p.brand.contactEmail}.</Text>
      <Button href={p.statusUrl} style={button}>
        See my request
      </Button>
    </EmailLayout>
  );
}

AppealReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  receivedOn: '26 November 2026',
  decideBy: '25 January 2027',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies AppealReceivedEmailProps;
