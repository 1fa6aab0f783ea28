/**
 * Two cheap checks on the web form against scripts that post it blindly: a honeypot field people
 * never see (bots fill every field), and a minimum time between the page being served and the form
 * coming back, proven by a timestamp the server signs when it renders the form.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export { HONEYPOT_FIELD, STARTED_FIELD } from './form-fields';

function sign(value: string, secret = env().APP_SECRET): string {
  return createHmac('sha256', secret).update(`form-started:${value}`).digest('base64url');
}

/** Whether `mac` signs `value` under APP_SECRET or a previous one (a form served before a rotation). */
function signedByAnyKey(value: string, mac: string): boolean {
  const given = Buffer.from(mac);
  return env().appSecrets.some(({ secret }) => {
    const expected = Buffer.from(sign(value, secret));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** The value of the hidden timestamp field: when the form was served, signed. */
export function formStartedStamp(now = new Date()): string {
  const ms = String(now.getTime());
  return `${ms}.${sign(ms)}`;
}

export type FormGuardVerdict = { ok: true } | { ok: false; reason: 'honeypot' | 'too-fast' | 'no-stamp' };

export function checkFormGuard(options: {
  honeypot: string;
  stamp: string;
  now?: Date;
  minSeconds?: number;
}): FormGuardVerdict {
  if (options.honeypot.trim() !== '') return { ok: false, reason: 'honeypot' };
  const minSeconds = options.minSeconds ?? env().FORM_MIN_FILL_SECONDS;
  if (minSeconds === 0) return { ok: true };
  const [ms, mac] = options.stamp.split('.');
  if (!ms || !/^\d{1,15}$/.test(ms) || !signedByAnyKey(ms, mac ?? '')) {
    return { ok: false, reason: 'no-stamp' };
  }
  const elapsed = ((options.now ?? new Date()).getTime() - Number(ms)) / 1000;
  // Only a lower bound: a tab left open for a day must still send.
  return elapsed >= minSeconds ? { ok: true } : { ok: false, reason: 'too-fast' };
}
