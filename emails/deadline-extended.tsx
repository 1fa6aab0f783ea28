import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type DeadlineExtendedEmailProps = {
  brand: Brand;
  reference: string;
  reason: string;
  previousDueOn: string;
  newDueOn: string;
  /** Who the requester may complain to about the extension, from the jurisdiction rules (PIPEDA s.8(4)). */
  authority: { name: string; url: string | null } | null;
  statusUrl: string;
};

export const deadlineExtendedSubject = (p: DeadlineExtendedEmailProps) =>
  `We need more time for your privacy request ${p.reference}`;

/** The extension notice, with its reasons, that GDPR Art. 12(3), CCPA §7021 and PIPEDA s.8(4) require. */
export default function DeadlineExtendedEmail(p: DeadlineExtendedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`New date: ${p.newDueOn}`}>
      <Text style={paragraph}>
        We are working on your privacy request {p.reference}, and we need more time than the {p.previousDueOn} we first
        gave you. We will answer by {p.newDueOn}.
      </Text>
      <Text style={paragraph}>Why: {p.reason}</Text>
      <Text style={paragraph}>
        The law allows this extension where it is necessary. If you disagree, reply to {p.brand.contactEmail}
        {p.authority ? (
          <>
            ; you may also complain about this extension to {p.authority.name}
            {p.authority.url ? ` (${p.authority.url})` : ''}.
          </>
        ) : (
          '.'
        )}
      </Text>
      <Button href={p.statusUrl} style={button}>
        See the status of my request
      </Button>
    </EmailLayout>
  );
}

DeadlineExtendedEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  reason: 'Your request covers several systems and a large volume of data.',
  previousDueOn: '26 December 2026',
  newDueOn: '26 February 2027',
  authority: {
    name: 'the Office of the Privacy Commissioner of Canada',
    url: 'https://www.priv.gc.ca/en/report-a-concern/',
  },
  statusUrl: 'http://localhost:3000/status/abc?token=example',
} satisfies DeadlineExtendedEmailProps;
