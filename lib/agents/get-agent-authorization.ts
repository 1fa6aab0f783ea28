import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { can } from '../permissions/staff-permissions';
import type { AgentAuthorizationKind } from '../universal/codes';

export type AgentAuthorizationSummary = {
  kind: AgentAuthorizationKind;
  document: { type: string; size: number; purged: boolean };
  personConfirmedAt: Date | null;
  personRefusedAt: Date | null;
  copiesConsented: boolean;
  /** Whether this staff member may open the document (each view audited). */
  canViewProof: boolean;
};

/** What staff see of an authorized agent's proof on the request page; null when the person filed themselves. */
export async function getAgentAuthorization(options: {
  staff: StaffIdentity | null;
  requestId: string;
}): Promise<AgentAuthorizationSummary | null> {
  const staff = authorize(options.staff, 'requests.read');
  const found = await db().agentAuthorization.findUnique({ where: { requestId: options.requestId } });
  if (!found) return null;
  return {
    kind: found.kind,
    document: { type: found.documentType, size: found.documentSize, purged: !found.documentKey },
    personConfirmedAt: found.personConfirmedAt,
    personRefusedAt: found.personRefusedAt,
    copiesConsented: found.copiesConsented,
    canViewProof: can(staff.role, 'agents.proof.view'),
  };
}
