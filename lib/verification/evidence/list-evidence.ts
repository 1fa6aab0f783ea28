import { db } from '../../db';
import { authorize, type StaffIdentity } from '../../permissions/authorize';

/** The documents a request's requester sent, for reviewers only (metadata: opening one is audited). */
export async function listEvidence(options: { staff: StaffIdentity | null; requestId: string }) {
  authorize(options.staff, 'evidence.review');
  return db().identityEvidence.findMany({
    where: { requestId: options.requestId },
    orderBy: { uploadedAt: 'asc' },
    omit: { storageKey: true },
  });
}

/** What the requester sees of what they sent: kind, when, and the decision with its reason. */
export async function evidenceForRequester(requestId: string) {
  return db().identityEvidence.findMany({
    where: { requestId },
    orderBy: { uploadedAt: 'asc' },
    select: {
      id: true,
      kind: true,
      uploadedAt: true,
      decision: true,
      decisionLevel: true,
      decisionReason: true,
      deletedAt: true,
    },
  });
}
