import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type AppealExtendedEmailProps = {
  brand: Brand;
  reference: string;
  reason: string;
  previousDecideBy: string;
  newDecideBy: string;
  /** Who the requester may contact, from the jurisdiction rules (the state's Attorney General). */
  authority: { name: string; url: string | null } | null;
  statusUrl: string;
};

export const appealExtendedSubject = (p: AppealExtendedEmailProps) =>
  `We need more time to decide your appeal ${p.reference}`;

/**
 * The notice of an appeal's extension, with its reasons, inside the first decision period
 * (C.R.S. 6-1-1306(3)(b): 45 days, extendable by 60).
 */
export default function AppealExtendedEmail(p: AppealExtendedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`New date for your appeal: ${p.newDecideBy}`}>
      <Text style={paragraph}>
        We are reviewing your appeal against our decision on your privacy request {p.reference}, and we need more time
        than the {p.previousDecideBy} we first gave you. We will tell you the outcome and our reasons by {p.newDecideBy}
        .
      </Text>
      <Text style={paragraph}>Why: {p.reason}</Text>
      <Text style={paragraph}>
        The law allows this extension where it is reasonably necessary. If you have questions, write to{' '}
        {p.brand.contactEmail}
        {p.authority ? (
          <>
            . If you have concerns, you may contact {p.authority.name}
            {p.authority.url ? ` (${p.authority.url})` : ''}.
          </>
        ) : (
          '.'
        )}
      </Text>
      <Button href={p.statusUrl} style={button}>
        See my request
      </Button>
    </EmailLayout>
  );
}

AppealExtendedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  reason: 'Your appeal concerns several systems and we are checking each of them again.',
  previousDecideBy: '10 January 2027',
  newDecideBy: '11 March 2027',
  authority: { name: 'the Colorado Attorney General', url: 'https://coag.gov/file-complaint/' },
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies AppealExtendedEmailProps;
