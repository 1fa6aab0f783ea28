import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type DownloadLinkEmailProps = {
  brand: Brand;
  reference: string;
  downloadUrl: string;
  linkMinutes: number;
  packageExpiresAt: string;
};

export const downloadLinkSubject = (p: DownloadLinkEmailProps) => `Your download link for ${p.reference}`;

/** The one-time link that re-confirms control of the email before we disclose the data package. */
export default function DownloadLinkEmail(p: DownloadLinkEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview="Your one-time download link">
      <Text style={paragraph}>
        You asked to download the copy of your data for request {p.reference}. This link works once, for the next{' '}
        {p.linkMinutes} minutes.
      </Text>
      <Button href={p.downloadUrl} style={button}>
        Download my data
      </Button>
      <Text style={paragraph}>
        The package can be downloaded until {p.packageExpiresAt}; after that we delete it. If you did not ask for this
        link, you can ignore this email, or write to {p.brand.contactEmail}.
      </Text>
    </EmailLayout>
  );
}

DownloadLinkEmail.PreviewProps = {
  brand: previewBrand,
  reference: 'BR-2026-000123',
  downloadUrl: 'http://localhost:3000/download/example',
  linkMinutes: 60,
  packageExpiresAt: '3 December 2026',
} satisfies DownloadLinkEmailProps;
