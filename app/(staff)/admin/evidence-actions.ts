'use server';

/**
 * The staff actions on identity evidence: accept or reject an uploaded document (reviewers), and ask
 * the requester for stronger proof. Each is a `staffAction`; the domain functions check again.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import { askForStrongerProof } from '@/lib/requests/staff/ask-for-stronger-proof';
import { acceptEvidence } from '@/lib/verification/evidence/accept-evidence';
import { rejectEvidence } from '@/lib/verification/evidence/reject-evidence';

const requestId = z.uuid('Unknown request');
const evidenceId = z.uuid('Unknown document');
const level = z.enum(['reasonable', 'high'], 'Choose the level');

function refresh(id: string) {
  revalidatePath('/admin');
  revalidatePath(`/admin/requests/${id}`);
}

export const acceptEvidenceAction = staffAction(
  'evidence.review',
  z.object({ requestId, evidenceId, level }),
  async ({ staff, input }) => {
    const result = await acceptEvidence({ staff, evidenceId: input.evidenceId, level: input.level });
    refresh(input.requestId);
    return result;
  },
  () => 'Document accepted; the verification level is updated.',
);

export const rejectEvidenceAction = staffAction(
  'evidence.review',
  z.object({ requestId, evidenceId, reason: z.string().max(2000) }),
  async ({ staff, input }) => {
    await rejectEvidence({ staff, evidenceId: input.evidenceId, reason: input.reason });
    refresh(input.requestId);
  },
  () => 'Document rejected; the requester sees the reason on their status page.',
);

export const askForStrongerProofAction = staffAction(
  'requests.work',
  z.object({ requestId, level, reason: z.string().max(2000) }),
  async ({ staff, input }) => {
    const result = await askForStrongerProof({ staff, ...input });
    refresh(input.requestId);
    return result;
  },
  (r) =>
    r.clockPaused
      ? 'Stronger proof asked for; the clock is paused until it is reached.'
      : 'Stronger proof asked for; this regime does not pause the clock.',
);
