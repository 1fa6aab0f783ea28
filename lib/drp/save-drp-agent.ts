import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { type DrpAgentInput, drpAgentInputSchema } from './schemas';
import { ed25519VerifyKey } from './signed-message';

/**
 * An admin adds an Authorized Agent or changes one. A new verify key (rotation) or disabling ends the
 * agent's bearer token at once: it must pair again, signing with its new key. An agent from DRP_AGENTS
 * keeps its key, name and private-network flag from the environment: here it can only be disabled or
 * enabled again.
 */
export async function saveDrpAgent(options: { staff: StaffIdentity; input: DrpAgentInput }) {
  const staff = authorize(options.staff, 'drp.agents.manage');
  const input = drpAgentInputSchema.parse(options.input);
  if (!ed25519VerifyKey(input.verifyKey))
    throw new AppError('INVALID_INPUT', 'That is not an Ed25519 public key.', {
      fields: { verifyKey: ['Not an Ed25519 public key'] },
    });
  return db().$transaction(async (tx) => {
    const existing = await tx.drpAgent.findUnique({ where: { id: input.id } });
    const fromEnv = existing?.source === 'env';
    const keyChanged = Boolean(existing && !fromEnv && existing.verifyKey !== input.verifyKey);
    const endsToken = keyChanged || (existing?.enabled && !input.enabled);
    const values = fromEnv
      ? { enabled: input.enabled }
      : {
          name: input.name,
          verifyKey: input.verifyKey,
          enabled: input.enabled,
          allowPrivateNetwork: input.allowPrivateNetwork,
        };
    const agent = existing
      ? await tx.drpAgent.update({
          where: { id: input.id },
          data: { ...values, ...(endsToken ? { tokenHash: null, pairedAt: null } : {}) },
        })
      : await tx.drpAgent.create({
          data: {
            id: input.id,
            source: 'admin',
            name: input.name,
            verifyKey: input.verifyKey,
            enabled: input.enabled,
            allowPrivateNetwork: input.allowPrivateNetwork,
          },
        });
    await recordAuditEvent(tx, {
      action: existing ? 'drp.agent.updated' : 'drp.agent.created',
      actor: { type: 'staff', id: staff.id },
      data: {
        agentId: agent.id,
        source: agent.source,
        enabled: agent.enabled,
        allowPrivateNetwork: agent.allowPrivateNetwork,
        keyChanged,
        tokenEnded: Boolean(endsToken),
      },
    });
    return agent;
  });
}
