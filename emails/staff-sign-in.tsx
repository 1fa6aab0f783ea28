import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type StaffSignInEmailProps = { brand: Brand; url: string; expiresInMinutes: number };

export const staffSignInSubject = (p: StaffSignInEmailProps) =>
  `Sign in to the ${p.brand.companyName} privacy workspace`;

export default function StaffSignInEmail(p: StaffSignInEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="Your sign-in link">
      <Text style={paragraph}>
        Use this link to sign in to the privacy workspace. It works once and expires in {p.expiresInMinutes} minutes.
      </Text>
      <Button href={p.url} style={button}>
        Sign in
      </Button>
      <Text style={paragraph}>If you did not ask to sign in, ignore this email.</Text>
      <Text style={paragraph}>If the button does not work, copy this address into your browser: {p.url}</Text>
    </EmailLayout>
  );
}

StaffSignInEmail.PreviewProps = {
  brand: previewBrand,
  url: 'http://localhost:3000/api/auth/callback/email?token=example',
  expiresInMinutes: 15,
} satisfies StaffSignInEmailProps;
