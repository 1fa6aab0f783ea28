import { db } from '../db';
import { isUuid } from '../uuid';
import type { DrpAgentRow } from './agents';
import { forbidden } from './drp-error';
import { drpStatusObject } from './drp-status';

/** The DRP request the token's agent manages; another agent's (or none) is a 403 (§2.02.1). */
export async function ownDrpRequest(agent: DrpAgentRow, drpRequestId: string) {
  const drp = isUuid(drpRequestId) ? await db().drpRequest.findUnique({ where: { id: drpRequestId } }) : null;
  if (!drp || drp.agentId !== agent.id) forbidden('This request is not one this agent manages.');
  return drp;
}

/** Data Rights Status (§2.02): where the request stands now. */
export async function getDrpRequestStatus(options: { agent: DrpAgentRow; drpRequestId: string; now?: Date }) {
  const drp = await ownDrpRequest(options.agent, options.drpRequestId);
  return drpStatusObject(drp.id, options.now);
}
