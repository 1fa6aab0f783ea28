import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { generateToken, hashToken } from '../security/tokens';
import { pairingAgent } from './agents';
import { checkEnvelope, parseSignedJson, refuseReplay } from './check-envelope';
import { forbidden } from './drp-error';
import { openSignedMessage } from './signed-message';

/**
 * Pair-wise key setup (§2.05): a message signed with the agent's directory key gets a new bearer
 * token. The token is random (256 bits) and only its hash is kept; pairing again replaces it, so an
 * agent that suspects its token was taken pairs again. Any failure is a 403 (with no body, §2.05.1).
 */
export async function pairAgent(options: { agentId: string; body: string; now?: Date }) {
  const now = options.now ?? new Date();
  const agent = await pairingAgent(options.agentId);
  const opened = openSignedMessage(options.body, agent.verifyKey);
  if (!opened.ok) forbidden('The message is not signed by this agent’s key.');
  const claims = parseSignedJson(opened.message);
  if (!claims) forbidden('The signed message is not a JSON object.');
  const { expiresAt } = checkEnvelope(claims, agent.id, now);
  await refuseReplay(agent.id, options.body, expiresAt, now);
  const token = generateToken();
  await db().$transaction(async (tx) => {
    await tx.drpAgent.update({ where: { id: agent.id }, data: { tokenHash: hashToken(token), pairedAt: now } });
    await recordAuditEvent(tx, {
      action: 'drp.agent.paired',
      actor: { type: 'system' },
      data: { agentId: agent.id, drpVersion: typeof claims['drp.version'] === 'string' ? claims['drp.version'] : null },
    });
  });
  return { 'agent-id': agent.id, token };
}
