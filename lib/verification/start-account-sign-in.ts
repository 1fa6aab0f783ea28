import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { consumeRateLimit } from '../abuse/rate-limit';
import { db } from '../db';
import { AppError } from '../errors';
import { logger } from '../logger';
import { generateToken, hashToken } from '../security/tokens';
import { OPEN_STATUSES, type RequestStatus } from '../universal/codes';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { meetsLevel, type VerificationLevel } from './levels';
import { requesterOidcConfig, signInRedirectUri } from './requester-oidc';

/** How long the requester has to sign in at the provider and come back. */
export const SIGN_IN_MINUTES = 10;

/**
 * The sign-in must be a fresh authentication at the provider (11 CCR §7061(a): re-authenticate
 * before disclosing or deleting): the provider is asked to log the person in again, and an ID token
 * whose `auth_time` is older than this is refused.
 */
export const SIGN_IN_MAX_AGE_SECONDS = 600;

/** A browser key: the random value of the cookie that ties a sign-in to the browser that started it. */
const BROWSER_KEY = /^[A-Za-z0-9_-]{43}$/;

export const statusNonceHash = (nonce: string) => createHash('sha256').update(`status-nonce:${nonce}`).digest('hex');

/** Whether signing in can still raise this request's level: below "high", open or with a package to release. */
export function accountSignInCanRaise(request: { status: RequestStatus; verificationLevel: VerificationLevel }) {
  if (meetsLevel(request.verificationLevel, 'high')) return false;
  return OPEN_STATUSES.includes(request.status) || request.status === 'completed';
}

/**
 * "Sign in with your Bitstride account", from the status page: keeps a pending login (state, PKCE
 * verifier, nonce; single use, SIGN_IN_MINUTES) on the server and returns the provider's
 * authorization URL. Nothing of the request travels to the provider: the status token stays here,
 * and the callback re-issues the status link from the request itself. `browserKey` (reused when the
 * browser already has one) goes into a cookie: only the browser that started a sign-in can finish
 * it, so an authorization link handed to someone else proves nothing for this request.
 */
export async function startAccountSignIn(options: {
  requestId: string;
  statusToken: string;
  browserKey?: string | null;
  ip?: string | null;
  now?: Date;
}): Promise<{ authorizationUrl: string; browserKey: string }> {
  const now = options.now ?? new Date();
  const request = await findRequestByStatusToken(options.requestId, options.statusToken, db(), options.ip);
  if (!accountSignInCanRaise(request) || !request.statusNonce)
    throw new AppError('CONFLICT', 'This request needs no more proof of who you are.');
  await consumeRateLimit('resend-ip', options.ip);
  let config: client.Configuration | null;
  try {
    config = await requesterOidcConfig();
  } catch (error) {
    logger.warn({ err: error }, 'requester sign-in: the identity provider could not be discovered');
    throw new AppError('UNAVAILABLE', 'Signing in with your account is not available right now.');
  }
  if (!config) throw new AppError('NOT_FOUND', 'Signing in with an account is not offered here.');

  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const browserKey = options.browserKey && BROWSER_KEY.test(options.browserKey) ? options.browserKey : generateToken();
  await db().$transaction(async (tx) => {
    await tx.requesterSignIn.deleteMany({ where: { expiresAt: { lt: now } } });
    await tx.requesterSignIn.create({
      data: {
        requestId: request.id,
        stateHash: hashToken(state),
        browserHash: hashToken(browserKey),
        statusNonceHash: statusNonceHash(request.statusNonce!),
        codeVerifier,
        nonce,
        expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000),
        createdAt: now,
      },
    });
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: signInRedirectUri(),
    scope: 'openid email',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    prompt: 'login',
    max_age: String(SIGN_IN_MAX_AGE_SECONDS),
  });
  return { authorizationUrl: url.href, browserKey };
}
