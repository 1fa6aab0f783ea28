'use server';

/**
 * The staff action on complaints: tell the complainant the outcome. A `staffAction`; the domain
 * function checks the permission again itself.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import { resolveComplaint } from '@/lib/complaints/resolve-complaint';

export const resolveComplaintAction = staffAction(
  'complaints.resolve',
  z.object({ complaintId: z.uuid('Unknown complaint'), message: z.string().max(10_000) }),
  async ({ staff, input }) => {
    await resolveComplaint({ staff, complaintId: input.complaintId, message: input.message });
    revalidatePath('/admin/complaints');
  },
  () => 'Complaint answered; the complainant has been told the outcome.',
);
