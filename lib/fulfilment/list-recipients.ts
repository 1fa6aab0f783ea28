import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';

/** The inventory's recipients: who the data is disclosed to, told of corrections, erasures and restrictions. */
export async function listRecipients(options: { staff: StaffIdentity }) {
  authorize(options.staff, 'requests.read');
  return db().dataRecipient.findMany({ orderBy: [{ active: 'desc' }, { name: 'asc' }] });
}
