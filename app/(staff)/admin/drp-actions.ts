'use server';

/** Server actions of the DRP agents page. The domain function checks the permission again itself. */
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/auth/staff-action';
import { saveDrpAgent } from '@/lib/drp/save-drp-agent';
import { drpAgentInputSchema } from '@/lib/drp/schemas';

export const saveDrpAgentAction = staffAction(
  'drp.agents.manage',
  drpAgentInputSchema,
  async ({ staff, input }) => {
    const agent = await saveDrpAgent({ staff, input });
    revalidatePath('/admin/drp-agents');
    return { id: agent.id };
  },
  () => 'Agent saved.',
);
