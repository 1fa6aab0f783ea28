import { z } from 'zod';

export const inviteSchema = z.object({
  email: z.email('Enter a valid email address').trim().toLowerCase().max(320),
  name: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(200).optional(),
  ),
  role: z.enum(['admin', 'reviewer', 'viewer'], { error: 'Choose a role' }),
});

export const staffAwaySchema = z.object({
  userId: z.string().min(1),
  /** The last day away, in the staff time zone; empty: not away. */
  awayUntil: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.iso.date('Give a date such as 2027-01-31').nullable(),
  ),
});
