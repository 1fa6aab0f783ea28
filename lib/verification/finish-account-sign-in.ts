import * as client from 'openid-client';
import { type Actor, recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { env } from '../env';
import { logger } from '../logger';
import { statusToken } from '../security/status-token';
import { hashesEqual, hashToken } from '../security/tokens';
import { markAccountEmailProven } from './mark-account-email-proven';
import { recordVerificationCheck } from './record-verification-check';
import { requesterOidcConfig, SIGN_IN_CALLBACK_PATH } from './requester-oidc';
import { accountSignInCanRaise, SIGN_IN_MAX_AGE_SECONDS, statusNonceHash } from './start-account-sign-in';

/** Why a sign-in proved nothing; stored in the audit log, never shown as such. */
export type SignInRefusal =
  | 'unknown_state'
  | 'other_browser'
  | 'link_revoked'
  | 'replayed'
  | 'expired'
  | 'not_configured'
  | 'invalid_response'
  | 'no_email'
  | 'unverified_email'
  | 'other_email'
  | 'request_closed';

/**
 * Where the requester goes next. `statusPath` (the status page, with its token) only for the browser
 * that started the sign-in, from a status link still valid: the callback's URL may be seen elsewhere.
 */
export type AccountSignInResult =
  | { outcome: 'signed-in' | 'refused' | 'expired' | 'used' | 'unavailable'; statusPath: string }
  | { outcome: 'unknown' | 'other-browser' };

type Claims = { sub: string; email?: unknown; email_verified?: unknown };

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * The provider's answer (the callback): validates it (state, PKCE, the ID token's signature, issuer,
 * audience, nonce and auth_time), reads the email pair from the ID token, or from UserInfo about the
 * same `sub` when the token has no email, and counts ONLY `email_verified: true` with the request's
 * email or the account email the requester named: method `account_sign_in` (level high), and the
 * named account email proven. Anything else records nothing. Both outcomes are audited, without any
 * address.
 */
export async function finishAccountSignIn(options: {
  /** The callback URL as the browser asked for it (its query carries the provider's answer). */
  callbackUrl: URL;
  browserKey: string | null;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<AccountSignInResult> {
  const now = options.now ?? new Date();
  const actor: Actor = { type: 'requester', ip: options.ip, userAgent: options.userAgent };
  const state = options.callbackUrl.searchParams.get('state');
  const refuse = async (reason: SignInRefusal, requestId: string, extra: Record<string, string> = {}) =>
    recordAuditEvent(db(), {
      requestId,
      action: 'verification.account_sign_in_refused',
      actor,
      data: { reason, ...extra },
    });

  // The pending login: found by its state, for this browser only, used once.
  type Refused = { refused: SignInRefusal; requestId: string | null; statusPath: string | null };
  const pending = await db().$transaction(async (tx) => {
    const found = state ? await tx.requesterSignIn.findUnique({ where: { stateHash: hashToken(state) } }) : null;
    if (!found) return { refused: 'unknown_state', requestId: null, statusPath: null } satisfies Refused;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: found.requestId } });
    const refused = (reason: SignInRefusal, statusPath: string | null = null): Refused => ({
      refused: reason,
      requestId: request.id,
      statusPath,
    });
    const claim = () => tx.requesterSignIn.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (!options.browserKey || !hashesEqual(found.browserHash, hashToken(options.browserKey))) {
      await claim();
      return refused('other_browser');
    }
    if (!request.statusNonce || !hashesEqual(found.statusNonceHash, statusNonceHash(request.statusNonce)))
      return refused('link_revoked');
    const statusPath = `/status/${request.id}?token=${statusToken({ id: request.id, statusNonce: request.statusNonce })}`;
    if (found.usedAt || (await claim()).count === 0) return refused('replayed', statusPath);
    if (found.expiresAt <= now) return refused('expired', statusPath);
    return { refused: null, found, request, statusPath };
  });
  if (pending.refused !== null) {
    const { refused: reason, requestId, statusPath: back } = pending as Refused;
    // A state nobody started belongs to no request: nothing to audit, and anyone can make up one.
    if (requestId) await refuse(reason, requestId);
    else logger.info('requester sign-in: a callback with an unknown state');
    if (!back) return { outcome: reason === 'other_browser' ? 'other-browser' : 'unknown' };
    return { outcome: reason === 'expired' ? 'expired' : 'used', statusPath: back };
  }
  const { found, request, statusPath } = pending;

  const settings = env().requesterSignIn;
  let config: client.Configuration | null = null;
  try {
    config = await requesterOidcConfig();
  } catch (error) {
    logger.warn({ err: error }, 'requester sign-in: the identity provider could not be discovered');
  }
  if (!config || !settings) {
    await refuse('not_configured', request.id);
    return { outcome: 'unavailable', statusPath };
  }

  let claims: Claims;
  try {
    // The redirect_uri the provider checks is ours as configured, whatever host the request came through.
    const currentUrl = new URL(`${env().APP_URL}${SIGN_IN_CALLBACK_PATH}${options.callbackUrl.search}`);
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: found.codeVerifier,
      expectedState: state!,
      expectedNonce: found.nonce,
      maxAge: SIGN_IN_MAX_AGE_SECONDS,
      idTokenExpected: true,
    });
    const idToken = tokens.claims() as Claims;
    claims = idToken;
    // email and email_verified are a pair from one source: the ID token, else UserInfo about the same sub.
    if (idToken.email === undefined) {
      const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      claims = { sub: idToken.sub, email: info.email, email_verified: info.email_verified };
    }
  } catch (error) {
    // A refusal at the provider, a response from another issuer, a bad signature, nonce or PKCE.
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
    // The library's own words about what failed (no claim values), for staff who look into it.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    const why = (cause || (error instanceof Error ? error.message : '')).slice(0, 200);
    logger.info({ code, why }, 'requester sign-in: the provider response was not accepted');
    await refuse('invalid_response', request.id, { error: code, why });
    return { outcome: 'refused', statusPath };
  }

  const email = typeof claims.email === 'string' ? normalise(claims.email) : '';
  const matched =
    email && email === normalise(request.email)
      ? 'request_email'
      : email && request.accountEmail && email === normalise(request.accountEmail)
        ? 'account_email'
        : null;
  const reason: SignInRefusal | null = !email
    ? 'no_email'
    : claims.email_verified !== true
      ? 'unverified_email'
      : !matched
        ? 'other_email'
        : null;
  if (reason || !matched) {
    await refuse(reason ?? 'other_email', request.id, { issuer: settings.issuer });
    return { outcome: 'refused', statusPath };
  }

  const recorded = await db().$transaction(async (tx) => {
    const current = await tx.privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    if (!accountSignInCanRaise(current)) return false;
    await recordVerificationCheck(tx, {
      requestId: current.id,
      method: 'account_sign_in',
      detail: { issuer: settings.issuer },
      actor,
      now,
    });
    if (matched === 'account_email' && !current.accountEmailVerifiedAt)
      await markAccountEmailProven(tx, { request: current, proof: 'account_sign_in', actor, now });
    await recordAuditEvent(tx, {
      requestId: current.id,
      action: 'verification.account_sign_in_succeeded',
      actor,
      data: { issuer: settings.issuer, matched },
    });
    return true;
  });
  if (!recorded) {
    await refuse('request_closed', request.id);
    return { outcome: 'refused', statusPath };
  }
  return { outcome: 'signed-in', statusPath };
}
