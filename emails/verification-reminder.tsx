import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type VerificationReminderEmailProps = {
  brand: Brand;
  reference: string;
  verifyUrl: string;
  /** When the link runs out, in the request's time zone ("22 December 2026 at 19:30, Los Angeles time"). */
  expiresOn: string;
};

export const verificationReminderSubject = (p: VerificationReminderEmailProps) =>
  `Reminder: confirm your privacy request ${p.reference}`;

/**
 * Sent once, shortly before the verification link runs out, to a request still waiting for
 * confirmation. Its link is new (links are stored hashed, so the first one cannot be sent again) and
 * runs out at the same moment as the first: the reminder does not give the request longer.
 */
export default function VerificationReminderEmail(p: VerificationReminderEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`Your privacy request ${p.reference} is waiting for confirmation`}>
      <Text style={paragraph}>
        We received a privacy request ({p.reference}) for this email address, and it has not been confirmed yet. If you
        made it, please confirm it:
      </Text>
      <Button href={p.verifyUrl} style={button}>
        Confirm my request
      </Button>
      <Text style={paragraph}>
        The link works once and expires on {p.expiresOn}. It replaces the link in our earlier email. If the request is
        not confirmed by then, we will close it as a request we could not verify.
      </Text>
      <Text style={paragraph}>
        If you did not make this request, you do not need to do anything: we will close it when the link runs out.
      </Text>
      <Text style={paragraph}>If the button does not work, copy this address into your browser: {p.verifyUrl}</Text>
    </EmailLayout>
  );
}

VerificationReminderEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  verifyUrl: 'http://localhost:3000/verify?token=example',
  expiresOn: '22 December 2026 at 19:30, Los Angeles time',
} satisfies VerificationReminderEmailProps;
