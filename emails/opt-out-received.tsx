import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type OptOutReceivedEmailProps = {
  brand: Brand;
  reference: string;
  typesLabel: string;
  receivedOn: string;
  dueOn: string;
  statusUrl: string;
};

export const optOutReceivedSubject = (p: OptOutReceivedEmailProps) => `We are acting on your opt-out ${p.reference}`;

/**
 * Sent at receipt of a request of opt-outs only: it needs no confirmation, so this email confirms it
 * and tells the owner of the address, who may not be the person who filed it, what it does.
 */
export default function OptOutReceivedEmail(p: OptOutReceivedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="No confirmation needed: we are acting on it now">
      <Text style={paragraph}>
        We received your opt-out {p.reference} ({p.typesLabel}) on {p.receivedOn}. An opt-out needs no confirmation, so
        we are already acting on it in every system that holds your data, and will have finished by {p.dueOn} at the
        latest.
      </Text>
      <Text style={paragraph}>
        You can follow it on your request&apos;s status page: it says &quot;Opt-out honored&quot; once every system has
        acted. Keep this email: the link is personal to you.
      </Text>
      <Button href={p.statusUrl} style={button}>
        See the status of my opt-out
      </Button>
      <Text style={paragraph}>
        Did not ask for this? Anyone can ask us to stop communications to an address; it changes nothing else. If you
        want our emails again, write to {p.brand.contactEmail} or subscribe again where you first did.
      </Text>
    </EmailLayout>
  );
}

OptOutReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  typesLabel: 'stop communications / object to processing',
  receivedOn: '26 November 2026',
  dueOn: '17 December 2026',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies OptOutReceivedEmailProps;
