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

/** Keyed hash of a normalised email: lets staff find requests by exact email without storing it searchable. */
export function hashEmail(email: string): string {
  return createHmac('sha256', env().APP_SECRET).update(email.trim().toLowerCase()).digest('hex');
}
