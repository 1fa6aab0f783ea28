import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type StaffNoticeEmailProps = { brand: Brand; heading: string; body: string; url: string };

export const staffNoticeSubject = (p: StaffNoticeEmailProps) => p.heading;

/** A short notice to staff (a new request, an assignment, a requester's reply) with a link to it. */
export default function StaffNoticeEmail(p: StaffNoticeEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={p.heading}>
      <Text style={{ ...paragraph, fontWeight: 600 }}>{p.heading}</Text>
      <Text style={paragraph}>{p.body}</Text>
      <Button href={p.url} style={button}>
        Open the request
      </Button>
    </EmailLayout>
  );
}

StaffNoticeEmail.PreviewProps = {
  brand: previewBrand,
  heading: 'BR-2026-000123 was assigned to you',
  body: 'Admin assigned this privacy request to you. It is due on 2026-12-26.',
  url: 'http://localhost:3000/admin/requests/1',
} satisfies StaffNoticeEmailProps;
