import { db } from '../../db';
import { authorize, type StaffIdentity } from '../../permissions/authorize';

/** The workspace's patterns, applied to every package built (admins). */
export async function listRedactionPatterns(options: { staff: StaffIdentity }) {
  authorize(options.staff, 'redaction.patterns');
  return db().redaction.findMany({
    where: { requestId: null, kind: 'pattern' },
    orderBy: { createdAt: 'asc' },
  });
}
