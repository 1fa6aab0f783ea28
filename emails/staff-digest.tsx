import { Link, Section, Text } from '@react-email/components';
import { EmailLayout, paragraph, previewBrand, type Brand } from './layout';

/**
 * One request, or (`appeal`) the appeal against a request's decision, or (`complaint`) a complaint
 * filed from a request's status page: the last two have their own deadlines.
 */
export type StaffDigestItem = {
  reference: string;
  appeal?: boolean;
  complaint?: boolean;
  dueOn: string;
  state: string;
  url: string;
};
export type StaffDigestEmailProps = { brand: Brand; overdue: StaffDigestItem[]; dueSoon: StaffDigestItem[] };

function counted(items: StaffDigestItem[]) {
  const appeals = items.filter((i) => i.appeal).length;
  const complaints = items.filter((i) => i.complaint).length;
  const requests = items.length - appeals - complaints;
  if (complaints && complaints === items.length) return `${complaints} complaint${complaints > 1 ? 's are' : ' is'}`;
  if (complaints) return `${items.length} privacy requests, appeals and complaints are`;
  if (requests && appeals) return `${items.length} privacy requests and appeals are`;
  if (appeals) return `${appeals} appeal${appeals > 1 ? 's are' : ' is'}`;
  return `${requests} privacy request${requests > 1 ? 's are' : ' is'}`;
}

export const staffDigestSubject = (p: StaffDigestEmailProps) =>
  p.overdue.length ? `${counted(p.overdue)} overdue` : `${counted(p.dueSoon)} due soon`;

function Items({ title, items }: { title: string; items: StaffDigestItem[] }) {
  if (!items.length) return null;
  return (
    <Section>
      <Text style={{ ...paragraph, fontWeight: 600 }}>{title}</Text>
      {items.map((item) => (
        <Text
          key={`${item.reference}:${item.appeal ? 'appeal' : item.complaint ? 'complaint' : 'request'}`}
          style={paragraph}
        >
          {item.appeal ? 'Appeal on ' : item.complaint ? 'Complaint about ' : ''}
          <Link href={item.url}>{item.reference}</Link> —{' '}
          {item.appeal ? 'decide by' : item.complaint ? 'answer by' : 'due'} {item.dueOn}: {item.state}
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
  overdue: [
    {
      reference: 'BR-2026-000101',
      dueOn: '20 November 2026 (America/Los_Angeles)',
      state: '6 days overdue',
      url: 'http://localhost:3000/admin/requests/1',
    },
  ],
  dueSoon: [
    {
      reference: 'BR-2026-000123',
      dueOn: '3 December 2026 (Europe/London)',
      state: 'due in 7 days',
      url: 'http://localhost:3000/admin/requests/2',
    },
    {
      reference: 'BR-2026-000045',
      appeal: true,
      dueOn: '5 December 2026 (Europe/Berlin)',
      state: 'due in 9 days',
      url: 'http://localhost:3000/admin/requests/3',
    },
  ],
} satisfies StaffDigestEmailProps;
