/** The redactions a request's package build applies: its own (reviewers') and the workspace's patterns (admins'). */
import { db, type Tx } from '../../db';
import type { RedactionRule } from './redactor';

export type DatasetRules = (dataset: string) => RedactionRule[];

export async function loadRedactions(requestId: string, client: Tx = db()): Promise<DatasetRules> {
  const rows = await client.redaction.findMany({
    where: { OR: [{ requestId }, { requestId: null }] },
    orderBy: { createdAt: 'asc' },
  });
  return (dataset) =>
    rows
      .filter((r) => r.dataset === null || r.dataset === dataset)
      .map((r) => ({ kind: r.kind, target: r.target, regex: r.regex, reason: r.reason }));
}

/** The requester's own addresses: the email pattern never withholds them. */
export function requesterEmails(request: {
  email: string;
  accountEmail: string | null;
  accountEmailVerifiedAt: Date | null;
}) {
  return [request.email, ...(request.accountEmail && request.accountEmailVerifiedAt ? [request.accountEmail] : [])];
}
