import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestNotVerifiedEmailProps = {
  brand: Brand;
  reference: string;
  /** What happened, as kept with the decision. */
  message: string;
  reasonLabel: string;
  /** The notices the requester's regime requires with a refusal (complaint, appeal, what the law allows). */
  notices: string[];
  /** The status page, where the decision can be read and, where the regime has one, appealed. */
  statusUrl: string;
  newRequestUrl: string;
};

export const requestNotVerifiedSubject = (p: RequestNotVerifiedEmailProps) =>
  `We could not verify your privacy request ${p.reference}`;

/**
 * The decision on a request whose email address was not confirmed before its newest link ran out:
 * denied, because we could not verify it. Worded for a request that may have had parts acted on
 * without verification, so it speaks only of the parts that needed it.
 */
export default function RequestNotVerifiedEmail(p: RequestNotVerifiedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="The confirmation link ran out">
      <Text style={{ ...paragraph, fontWeight: 600 }}>We could not verify your privacy request ({p.reference}).</Text>
      <Text style={paragraph}>{p.message}</Text>
      <Text style={paragraph}>Reason: {p.reasonLabel}.</Text>
      {p.notices.map((notice) => (
        <Text key={notice} style={paragraph}>
          {notice}
        </Text>
      ))}
      <Text style={paragraph}>
        You can see this decision on your request&rsquo;s page. We keep a record of your request and our response, as
        the law requires.
      </Text>
      <Button href={p.statusUrl} style={button}>
        See my request
      </Button>
      <Text style={paragraph}>
        If you still want to make this request, you can file it again at any time and confirm it with the link we email
        you. If you did not make it, you do not need to do anything.
      </Text>
      <Button href={p.newRequestUrl} style={button}>
        Make a new request
      </Button>
    </EmailLayout>
  );
}

RequestNotVerifiedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  message:
    'We did not receive a confirmation of this request before the link we emailed ran out, so we could not verify that it came from the holder of this email address. We have closed the parts of your request that needed verification without acting on them.',
  reasonLabel: 'we could not verify your identity',
  notices: [
    'You can appeal this decision within 60 days: write to legal@bitstride.xyz with the subject "Appeal" and your request reference, or use the appeal option on your request\'s status page.',
  ],
  statusUrl: 'http://localhost:3000/status/abc?token=example',
  newRequestUrl: 'http://localhost:3000/',
} satisfies RequestNotVerifiedEmailProps;
