import { consumeRateLimit } from '../abuse/rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { env } from '../env';
import { hashToken } from '../security/tokens';
import { forbidden } from './drp-error';

export type DrpAgentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>['drpAgent']['findUnique']>>>;

/**
 * The agent that may pair as `agentId`: DRP_AGENTS is written to the table first (created, or its
 * name, key and private-network flag brought up to date: the environment is the source of truth of
 * its own agents; a new key also ends the old token). Admins' agents are read as they are.
 */
export async function pairingAgent(agentId: string): Promise<DrpAgentRow> {
  const configured = env().DRP_AGENTS.find((a) => a.id === agentId);
  if (configured) {
    await db().$transaction(async (tx) => {
      const existing = await tx.drpAgent.findUnique({ where: { id: agentId } });
      const values = {
        name: configured.name,
        verifyKey: configured.verifyKey,
        allowPrivateNetwork: configured.allowPrivateNetworks,
      };
      if (!existing) {
        await tx.drpAgent.create({ data: { id: agentId, source: 'env', ...values } });
      } else if (existing.source === 'env') {
        const rotated = existing.verifyKey !== configured.verifyKey;
        if (!rotated && existing.name === values.name && existing.allowPrivateNetwork === values.allowPrivateNetwork)
          return;
        await tx.drpAgent.update({
          where: { id: agentId },
          data: { ...values, ...(rotated ? { tokenHash: null, pairedAt: null } : {}) },
        });
      } else return;
      await recordAuditEvent(tx, {
        action: existing ? 'drp.agent.updated' : 'drp.agent.created',
        actor: { type: 'system' },
        data: {
          agentId,
          source: 'env',
          keyChanged: existing?.verifyKey !== configured.verifyKey,
          ...values,
          verifyKey: undefined,
        },
      });
    });
  }
  const agent = await db().drpAgent.findUnique({ where: { id: agentId } });
  if (!agent?.enabled) forbidden('Unknown or disabled agent.');
  await consumeRateLimit('drp-agent', agent.id);
  return agent;
}

/**
 * The agent whose pairing issued this bearer token (§2.01: `Authorization: Bearer <token>`), counted
 * against its hourly limit. Tokens are stored as SHA-256 hashes only.
 */
export async function agentForToken(authorization: string | null): Promise<DrpAgentRow> {
  const token = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(authorization ?? '')?.[1];
  const agent = token ? await db().drpAgent.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
  if (!agent?.enabled) forbidden('The bearer token is not valid: pair again with POST /v1/agent/{agent-id}.');
  await consumeRateLimit('drp-agent', agent.id);
  return agent;
}
