import { z } from 'zod';

export const inviteSchema = z.object({
  email: z.email('Enter a valid email address').trim().toLowerCase().max(320),
  name: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(200).optional(),
  ),
  role: z.enum(['admin', 'reviewer', 'viewer'], { error: 'Choose a role' }),
});
