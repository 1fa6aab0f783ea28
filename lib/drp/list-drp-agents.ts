import { db } from '../db';
import { env } from '../env';
import { authorize, type StaffIdentity } from '../permissions/authorize';

export type DrpAgentSummary = {
  id: string;
  name: string;
  verifyKey: string;
  source: 'env' | 'admin';
  enabled: boolean;
  allowPrivateNetwork: boolean;
  pairedAt: Date | null;
  requests: number;
};

/** The agents the DRP API trusts: the table, and DRP_AGENTS entries that have not paired yet. Never a token. */
export async function listDrpAgents(options: { staff: StaffIdentity }): Promise<DrpAgentSummary[]> {
  authorize(options.staff, 'drp.agents.manage');
  const rows = await db().drpAgent.findMany({
    orderBy: { id: 'asc' },
    omit: { tokenHash: true },
    include: { _count: { select: { requests: true } } },
  });
  const stored = rows.map((row) => ({
    id: row.id,
    name: row.name,
    verifyKey: row.verifyKey,
    source: row.source === 'env' ? ('env' as const) : ('admin' as const),
    enabled: row.enabled,
    allowPrivateNetwork: row.allowPrivateNetwork,
    pairedAt: row.pairedAt,
    requests: row._count.requests,
  }));
  const pending = env()
    .DRP_AGENTS.filter((entry) => !rows.some((row) => row.id === entry.id))
    .map((entry) => ({
      id: entry.id,
      name: entry.name,
      verifyKey: entry.verifyKey,
      source: 'env' as const,
      enabled: true,
      allowPrivateNetwork: entry.allowPrivateNetworks,
      pairedAt: null,
      requests: 0,
    }));
  return [...stored, ...pending].sort((a, b) => a.id.localeCompare(b.id));
}
