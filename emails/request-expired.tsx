import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestExpiredEmailProps = { brand: Brand; reference: string; newRequestUrl: string };

export const requestExpiredSubject = (p: RequestExpiredEmailProps) =>
  `Your privacy request ${p.reference} was not confirmed`;

export default function RequestExpiredEmail(p: RequestExpiredEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="The confirmation link expired">
      <Text style={paragraph}>
        We did not receive a confirmation for privacy request {p.reference} before the link expired, so we have closed
        it without acting on it.
      </Text>
      <Text style={paragraph}>
        If you still want to make this request, file it again and use the link we email you. If you did not make it, you
        do not need to do anything.
      </Text>
      <Button href={p.newRequestUrl} style={button}>
        Make a new request
      </Button>
    </EmailLayout>
  );
}

RequestExpiredEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  newRequestUrl: 'http://localhost:3000/',
} satisfies RequestExpiredEmailProps;
