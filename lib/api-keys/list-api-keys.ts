import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';

/** The keys for the admin page, newest first: never their hashes. */
export async function listApiKeys(options: { staff: StaffIdentity | null }) {
  authorize(options.staff, 'api-keys.manage');
  return db().apiKey.findMany({
    orderBy: { createdAt: 'desc' },
    omit: { secretHash: true },
    include: {
      createdBy: { select: { email: true } },
      actsAs: { select: { email: true } },
      rotatedFrom: { select: { prefix: true } },
    },
  });
}
