import { Link, Section, Text } from '@react-email/components';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

export type StaffDigestItem = { reference: string; dueOn: string; state: string; url: string };
export type StaffDigestEmailProps = { brand: Brand; overdue: StaffDigestItem[]; dueSoon: StaffDigestItem[] };

export const staffDigestSubject = (p: StaffDigestEmailProps) =>
  p.overdue.length
    ? `${p.overdue.length} privacy request${p.overdue.length > 1 ? 's are' : ' is'} overdue`
    : `${p.dueSoon.length} privacy request${p.dueSoon.length > 1 ? 's are' : ' is'} due soon`;

function Items({ title, items }: { title: string; items: StaffDigestItem[] }) {
  if (!items.length) return null;
  return (
    <Section>
      <Text style={{ ...paragraph, fontWeight: 600 }}>{title}</Text>
      {items.map((item) => (
        <Text key={item.reference} style={paragraph}>
          <Link href={item.url}>{item.reference}</Link> — due {item.dueOn} ({item.state})
        </Text>
      ))}
    </Section>
  );
}

/** Reminders and escalations for one staff member, at most one email a day. */
export default function StaffDigestEmail(p: StaffDigestEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={staffDigestSubject(p)}>
      <Items title="Overdue — answer these first" items={p.overdue} />
      <Items title="Due soon" items={p.dueSoon} />
    </EmailLayout>
  );
}

StaffDigestEmail.PreviewProps = {
  brand: previewBrand,
  overdue: [{ reference: 'BR-2026-000101', dueOn: '20 November 2026', state: '6 days overdue', url: 'http://localhost:3000/admin/requests/1' }],
  dueSoon: [{ reference: 'BR-2026-000123', dueOn: '3 December 2026', state: 'due in 7 days', url: 'http://localhost:3000/admin/requests/2' }],
} satisfies StaffDigestEmailProps;
