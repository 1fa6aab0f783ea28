import { z } from 'zod';
import { JURISDICTIONS } from '../universal/codes';
import { isOfferedIn } from '../universal/regional-rights';
import { GPC_SIGNAL } from './gpc';

/** How far a property's clock may run ahead of ours before `observedAt` counts as in the future. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The regimes where the opt-out of sale/sharing exists (lib/universal/regional-rights.ts). */
export const OPT_OUT_JURISDICTIONS = JURISDICTIONS.filter((j) => isOfferedIn(j, 'opt_out_sale'));

/**
 * POST /api/v1/opt-outs: another Bitstride property reports a signal it saw for a signed-in account.
 * Strict: an unknown field is refused, so a typo never passes silently.
 */
export const reportOptOutSchema = z.strictObject({
  email: z.email('Give the signed-in account’s email address').trim().toLowerCase().max(320),
  accountId: z.string().trim().min(1, 'Give the account id, or leave it out').max(200).optional(),
  signal: z.literal(GPC_SIGNAL, { error: 'The only signal is "gpc"' }),
  property: z
    .string({ error: 'Name the property that saw the signal, e.g. "website"' })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Lowercase letters, digits and hyphens, at most 64, e.g. "website"'),
  observedAt: z.iso
    .datetime({ offset: true, error: 'When the signal was seen, as an ISO 8601 date-time with its offset' })
    .refine((v) => new Date(v).getTime() <= Date.now() + CLOCK_SKEW_MS, 'Cannot be in the future'),
  jurisdiction: z
    .enum(OPT_OUT_JURISDICTIONS as [string, ...string[]], {
      error: 'A regime that gives the opt-out of sale/sharing, such as US-CA',
    })
    .default('US-CA'),
});

export type ReportOptOutInput = z.input<typeof reportOptOutSchema>;
