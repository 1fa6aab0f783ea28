import { Text } from '@react-email/components';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestWithdrawnEmailProps = { brand: Brand; reference: string; withdrawnOn: string };

export const requestWithdrawnSubject = (p: RequestWithdrawnEmailProps) =>
  `Your privacy request ${p.reference} was withdrawn`;

export default function RequestWithdrawnEmail(p: RequestWithdrawnEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="Your request was withdrawn">
      <Text style={paragraph}>
        Your privacy request {p.reference} was withdrawn on {p.withdrawnOn}, as you asked. We will not act on it.
      </Text>
      <Text style={paragraph}>
        If you did not withdraw it, or change your mind, you can make a new request at any time, or write to{' '}
        {p.brand.contactEmail}.
      </Text>
    </EmailLayout>
  );
}

RequestWithdrawnEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  withdrawnOn: '26 November 2026',
} satisfies RequestWithdrawnEmailProps;
