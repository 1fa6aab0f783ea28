import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AppealDecidedEmailProps = {
  brand: Brand;
  reference: string;
  outcome: 'granted' | 'rejected';
  message: string;
  /** What the regime requires with a rejected appeal (the US states: how to contact the Attorney General). */
  notices: string[];
  statusUrl: string;
};

const TITLES = {
  granted: 'Your appeal has succeeded',
  rejected: 'We have decided your appeal: our decision stands',
} as const;

export const appealDecidedSubject = (p: AppealDecidedEmailProps) => `${TITLES[p.outcome]} ${p.reference}`;

export default function AppealDecidedEmail(p: AppealDecidedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={TITLES[p.outcome]}>
      <Text style={{ ...paragraph, fontWeight: 600 }}>
        {TITLES[p.outcome]} ({p.reference}).
      </Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-wrap' }}>{p.message}</Text>
      {p.outcome === 'granted' ? (
        <Text style={paragraph}>We are working on your request again and will write when it is done.</Text>
      ) : null}
      {p.notices.map((notice) => (
        <Text key={notice} style={paragraph}>
          {notice}
        </Text>
      ))}
      <Text style={paragraph}>We keep a record of your appeal and its outcome, as the law requires.</Text>
      <Button href={p.statusUrl} style={button}>
        See my request
      </Button>
    </EmailLayout>
  );
}

AppealDecidedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  outcome: 'rejected',
  message:
    'We reviewed the decision again; the information is exempt because it is part of an ongoing fraud investigation.',
  notices: [
    'If you have concerns about the result of your appeal, you may contact the Virginia Attorney General to submit a complaint.',
  ],
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies AppealDecidedEmailProps;
