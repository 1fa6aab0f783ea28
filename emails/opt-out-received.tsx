import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type OptOutReceivedEmailProps = {
  brand: Brand;
  reference: string;
  /** What was asked, in words (lib/requests/opt-out-wording.ts): "unsubscribe request". */
  noun: string;
  typesLabel: string;
  /** What we do, one sentence per type, from the same wording. */
  effects: string[];
  /** To the owner of the address, who may not have filed it: what each type changes. */
  notYou: string[];
  receivedOn: string;
  dueOn: string;
  statusUrl: string;
};

export const optOutReceivedSubject = (p: OptOutReceivedEmailProps) => `We are acting on your ${p.noun} ${p.reference}`;

/**
 * Sent at receipt of a request acted on at receipt only (opt-outs, unsubscribing, an objection): it
 * needs no confirmation, so this email confirms it, says what each part does, and tells the owner of
 * the address, who may not be the person who filed it, what it changes.
 */
export default function OptOutReceivedEmail(p: OptOutReceivedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="No confirmation needed: we are acting on it now">
      <Text style={paragraph}>
        We received your {p.noun} {p.reference} ({p.typesLabel}) on {p.receivedOn}. It needs no confirmation, so we are
        already acting on it in every system that holds your data, and will have finished by {p.dueOn} at the latest.
      </Text>
      {p.effects.map((effect) => (
        <Text key={effect} style={paragraph}>
          In short: {effect}.
        </Text>
      ))}
      <Text style={paragraph}>
        You can follow it on your request&apos;s status page: it says so once every system has acted. Keep this email:
        the link is personal to you.
      </Text>
      <Button href={p.statusUrl} style={button}>
        See the status of my request
      </Button>
      <Text style={paragraph}>
        Did not ask for this? {p.notYou.join(' ')} If you want it undone, write to {p.brand.contactEmail}.
      </Text>
    </EmailLayout>
  );
}

OptOutReceivedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  noun: 'unsubscribe request',
  typesLabel: 'unsubscribe — stop marketing emails',
  effects: [
    'we stop sending marketing email to this address; notices about your account, its security and billing still reach you',
  ],
  notYou: ['Anyone can ask us to stop marketing email to an address; it changes nothing else.'],
  receivedOn: '26 November 2026',
  dueOn: '10 December 2026',
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies OptOutReceivedEmailProps;
