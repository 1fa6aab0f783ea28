import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type RequestDecidedEmailProps = {
  brand: Brand;
  reference: string;
  /** part_completed: some of the request's types are done, the others still open. */
  outcome: 'completed' | 'part_completed' | 'denied' | 'partially_denied';
  reasonLabel: string | null;
  message: string;
  /** The notices the requester's regime requires with a refusal (complaint, court, appeal). */
  notices: string[];
  statusUrl: string;
  /** Per system: what was done, when, and anything kept and why (fulfilment). */
  /** Access/export: the package is being prepared; download after re-confirming the email on the status page. */
  downloadDays?: number;
  systems?: { system: string; action: string; when: string | null; detail: string | null; kept: string | null }[];
  /** The parts of the request completed with this message, when not the whole request. */
  completedParts?: string[];
  /** part_completed: the parts still open, and when we answer them at the latest. */
  openParts?: string[];
  openDueOn?: string;
};

const TITLES = {
  completed: 'We have completed your privacy request',
  part_completed: 'We have completed part of your privacy request',
  denied: 'We cannot fulfil your privacy request',
  partially_denied: 'We have partly fulfilled your privacy request',
} as const;

export const requestDecidedSubject = (p: RequestDecidedEmailProps) => `${TITLES[p.outcome]} ${p.reference}`;

export default function RequestDecidedEmail(p: RequestDecidedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={TITLES[p.outcome]}>
      <Text style={{ ...paragraph, fontWeight: 600 }}>
        {TITLES[p.outcome]} ({p.reference}).
      </Text>
      {p.completedParts?.length ? <Text style={paragraph}>Completed now: {p.completedParts.join('; ')}.</Text> : null}
      {p.openParts?.length ? (
        <Text style={paragraph}>
          Still in progress: {p.openParts.join('; ')}. We will answer by {p.openDueOn} at the latest.
        </Text>
      ) : null}
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap' }}>{p.message}</Text>
      {p.systems?.length ? <Text style={{ ...paragraph, fontWeight: 600 }}>What we did, system by system:</Text> : null}
      {p.systems?.map((s) => (
        <Text key={`${s.system}:${s.action}`} style={paragraph}>
          {s.system}: {s.action}
          {s.when ? ` on ${s.when}` : ''}.{s.detail ? ` ${s.detail}` : ''}
          {s.kept ? ` Kept: ${s.kept}` : ''}
        </Text>
      ))}
      {p.downloadDays ? (
        <Text style={paragraph}>
          We are preparing a copy of your data. To protect it, open your request page and choose &quot;Email me a
          download link&quot;: we send a one-time link to this address, so that only you can download it. The copy can
          be downloaded for {p.downloadDays} days.
        </Text>
      ) : null}
      {p.reasonLabel ? <Text style={paragraph}>Reason: {p.reasonLabel}.</Text> : null}
      {p.notices.map((notice) => (
        <Text key={notice} style={paragraph}>
          {notice}
        </Text>
      ))}
      <Text style={paragraph}>We keep a record of your request and our response, as the law requires.</Text>
      <Button href={p.statusUrl} style={button}>
        See my request
      </Button>
    </EmailLayout>
  );
}

RequestDecidedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  outcome: 'denied',
  reasonLabel: 'we could not verify your identity',
  message: 'We could not match the details you gave to an account.',
  notices: ['You have the right to complain to a supervisory authority and to seek a judicial remedy.'],
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies RequestDecidedEmailProps;
