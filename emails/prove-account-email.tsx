import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type ProveAccountEmailProps = { brand: Brand; reference: string; confirmUrl: string; expiresIn: string };

export const proveAccountEmailSubject = (p: ProveAccountEmailProps) =>
  `Confirm this address for privacy request ${p.reference}`;

/**
 * Sent to the account email a requester named, at their asking. Whoever reads it may not be the
 * requester: it says nothing about the request beyond its reference, and ignoring it changes nothing.
 */
export default function ProveAccountEmail(p: ProveAccountEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="Confirm that this address is yours">
      <Text style={paragraph}>
        A privacy request ({p.reference}) names this address as its maker&rsquo;s {p.brand.companyName} account email.
        We only look for, copy, change or delete data held under this address once its owner confirms it. If you made
        that request, confirm that this address is yours:
      </Text>
      <Button href={p.confirmUrl} style={button}>
        Confirm this address
      </Button>
      <Text style={paragraph}>
        The link works once and expires in {p.expiresIn}. If you did not make a privacy request, ignore this email:
        nothing will happen to your data. Questions: {p.brand.contactEmail}.
      </Text>
      <Text style={paragraph}>If the button does not work, copy this address into your browser: {p.confirmUrl}</Text>
    </EmailLayout>
  );
}

ProveAccountEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  confirmUrl: 'http://localhost:3000/verify/account-email?token=example',
  expiresIn: '24 hours',
} satisfies ProveAccountEmailProps;
