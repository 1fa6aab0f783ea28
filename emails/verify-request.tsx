import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type VerifyRequestEmailProps = {
  brand: Brand;
  reference: string;
  verifyUrl: string;
  /** How long the link works, in words ("10 days"). */
  expiresIn: string;
};

export const verifyRequestSubject = (p: VerifyRequestEmailProps) => `Confirm your privacy request ${p.reference}`;

export default function VerifyRequestEmail({ brand, reference, verifyUrl, expiresIn }: VerifyRequestEmailProps) {
  return (
    <EmailLayout brand={brand} preview={`Confirm your privacy request ${reference}`}>
      <Text style={paragraph}>
        We received a privacy request ({reference}) for this email address. To make sure it really comes from you,
        please confirm it:
      </Text>
      <Button href={verifyUrl} style={button}>
        Confirm my request
      </Button>
      <Text style={paragraph}>
        The link works once and expires in {expiresIn}. If you did not make this request, you do not need to do
        anything: we will close it when the link runs out.
      </Text>
      <Text style={paragraph}>If the button does not work, copy this address into your browser: {verifyUrl}</Text>
    </EmailLayout>
  );
}

VerifyRequestEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  verifyUrl: 'http://localhost:3000/verify?token=example',
  expiresIn: '10 days',
} satisfies VerifyRequestEmailProps;
