import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

/** 256 random bits, URL-safe (43 characters). Only its hash is ever stored. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two hex hashes in constant time. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

function hashUnder(secret: string, email: string): string {
  return createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Keyed hash of a normalised email under APP_SECRET: lets staff find requests by exact email without
 * storing it searchable. Rows store it with `emailHashKeyId()`, so the re-key job knows what to move.
 */
export function hashEmail(email: string): string {
  return hashUnder(env().APP_SECRET, email);
}

/** The id of the key `hashEmail` uses now (lib/env.ts keyId). */
export function emailHashKeyId(): string {
  return env().appSecrets[0].id;
}

/**
 * The email's hash under every key still known (APP_SECRET first, then APP_SECRET_PREVIOUS): what a
 * search or a duplicate check looks for, so rows not yet re-keyed are found too.
 */
export function emailHashes(email: string): string[] {
  return env().appSecrets.map(({ secret }) => hashUnder(secret, email));
}
