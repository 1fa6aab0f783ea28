import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { env } from '../env';
import { negotiateLocale } from '../i18n/negotiate-locale';
import { submitRequest } from '../requests/submit-request';
import { isOfferedIn } from '../universal/regional-rights';
import { newRequestSchema } from '../universal/request-schema';
import type { DrpAgentRow } from './agents';
import { checkEnvelope, parseSignedJson, refuseReplay } from './check-envelope';
import { DrpError, forbidden } from './drp-error';
import { drpStatusObject, drpSubmissionToken } from './drp-status';
import { exerciseRule, optInExplanation, regimeJurisdiction } from './exercise-rules';
import { drpExerciseSchema } from './schemas';
import { openSignedMessage } from './signed-message';

/**
 * The language of the person an agent files for: the signed `locale` claim (OpenID Connect's, which
 * DRP 1.0 lacks), else the agent's Accept-Language, each matched to the closest catalog as a page's
 * header is (fr-FR finds fr, es-MX es-419); English without either or with no close match.
 */
const drpLocale = (claim: string | undefined, acceptLanguage: string | null | undefined) =>
  negotiateLocale(claim ?? acceptLanguage ?? null);

const CLAIMS = ['name', 'email', 'phone_number', 'address', 'power_of_attorney'] as const;
const VERIFIED = ['email_verified', 'phone_number_verified', 'address_verified'] as const;

/**
 * A Data Rights Exercise (§2.01): checked as §3.07 says, then filed as an ordinary request of the
 * portal (same intake, status machine, deadlines, audit, tasks). The agent's `email_verified` is
 * recorded as a claim and proves nothing: the person confirms from their own inbox, as every
 * requester does, and the answer says `need_user_verification` until then. Opt-outs need no
 * confirmation and are acted on at receipt.
 */
export async function submitDrpRequest(options: {
  agent: DrpAgentRow;
  body: string;
  userAgent?: string | null;
  /** The agent's Accept-Language: the person's language when the message has no `locale` claim. */
  acceptLanguage?: string | null;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const { agent } = options;
  const opened = openSignedMessage(options.body, agent.verifyKey);
  if (!opened.ok) forbidden('The message is not signed by this agent’s key.');
  const claims = parseSignedJson(opened.message);
  if (!claims) throw new DrpError(400, 'The signed message is not a JSON object.', { fatal: true });
  const { expiresAt } = checkEnvelope(claims, agent.id, now);
  const parsed = drpExerciseSchema.safeParse(claims);
  if (!parsed.success) throw new DrpError(400, parsed.error.issues.map((i) => i.message).join('; '), { fatal: true });
  await refuseReplay(agent.id, options.body, expiresAt, now);
  const message = parsed.data;
  const rule = exerciseRule(message.exercise);
  const claimed = {
    claims: CLAIMS.filter((c) => message[c] !== undefined),
    agentVerified: VERIFIED.filter((c) => message[c] === true),
  };
  const drp = {
    id: randomUUID(),
    agentId: agent.id,
    agentRequestId: message['agent-request-id'] ?? null,
    exercise: message.exercise,
    regime: message.regime ?? null,
    relationships: message.relationships ?? [],
    statusCallback: message.status_callback ?? null,
    claims: claimed,
    createdAt: now,
  };
  const audit = {
    action: 'drp.request.received',
    actor: { type: 'system' } as const,
    data: { agentId: agent.id, drpRequestId: drp.id, exercise: drp.exercise, regime: drp.regime, ...claimed },
  };

  if (!rule.type) {
    await db().$transaction(async (tx) => {
      await tx.drpRequest.create({
        data: { ...drp, recordedOnly: optInExplanation(env().SELLS_OR_SHARES_PERSONAL_INFORMATION) },
      });
      await recordAuditEvent(tx, audit);
    });
    return drpStatusObject(drp.id, now);
  }

  const jurisdiction = regimeJurisdiction(message.regime);
  if (!isOfferedIn(jurisdiction, rule.type))
    throw new DrpError(
      400,
      `${message.exercise} is not a right under the ${message.regime ?? 'voluntary'} regime here.`,
      {
        fatal: true,
      },
    );
  const details = [
    `Filed by the authorized agent ${agent.name} (${agent.id}) through the Data Rights Protocol: ${message.exercise}, ${rule.scope}.`,
    drp.relationships.length ? `Relationships the agent names: ${drp.relationships.join(', ')}.` : '',
    claimed.agentVerified.length
      ? `The agent says it verified: ${claimed.agentVerified.join(', ')} (a claim, not proof).`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const input = newRequestSchema.safeParse({
    email: message.email,
    name: message.name,
    types: [rule.type],
    jurisdiction,
    details,
    confirm: true,
    locale: drpLocale(message.locale, options.acceptLanguage),
  });
  if (!input.success) throw new DrpError(400, input.error.issues.map((i) => i.message).join('; '), { fatal: true });
  const requestId = randomUUID();
  await submitRequest({
    input: input.data,
    channel: 'drp',
    id: requestId,
    submissionToken: drpSubmissionToken(requestId),
    // The agent's server is not the person: the per-agent limit replaces the per-address one.
    ip: null,
    userAgent: options.userAgent,
    now,
  });
  await db().$transaction(async (tx) => {
    await tx.drpRequest.create({ data: { ...drp, requestId } });
    await recordAuditEvent(tx, { ...audit, requestId });
  });
  return drpStatusObject(drp.id, now);
}
