/**
 * The DRP messages' schemas (spec §2.01, §2.05, §3.04) and the admin's agent form. The envelope
 * claims (`agent-id`, `business-id`, `issued-at`, `expires-at`) are checked apart, in §3.07's order
 * (check-envelope.ts); these read the rest once the message is known to be authentic.
 */
import { z } from 'zod';
import { DRP_EXERCISES } from './protocol/exercises';

export { DRP_EXERCISES, type DrpExercise } from './protocol/exercises';

const claimText = (max: number) => z.string().trim().min(1).max(max);

export const drpExerciseSchema = z.looseObject({
  exercise: z
    .string({ error: 'exercise is required' })
    .transform((v) => v.replace('_', '-'))
    .pipe(z.enum(DRP_EXERCISES, { error: `exercise must be one of ${DRP_EXERCISES.join(', ')}` })),
  /** `ccpa`, or none (or `voluntary`, as OSIRAA sends) for voluntary processing. */
  regime: z.enum(['ccpa', 'voluntary'], { error: 'regime must be "ccpa" or absent (voluntary)' }).optional(),
  relationships: z.array(claimText(100)).max(20).optional(),
  status_callback: z
    .url({ protocol: /^https?$/, error: 'status_callback must be an http(s) URL' })
    .max(2000)
    .optional(),
  'agent-request-id': claimText(200).optional(),
  'drp.version': z.string().max(20).optional(),
  name: claimText(200).optional(),
  email: z.email({ error: 'an email claim is required: this business verifies requests by email' }).max(254),
  email_verified: z.boolean().optional(),
  phone_number: claimText(40).optional(),
  phone_number_verified: z.boolean().optional(),
  address: z.union([claimText(1000), z.record(z.string(), z.unknown())]).optional(),
  address_verified: z.boolean().optional(),
  power_of_attorney: claimText(2000).optional(),
  /**
   * Not in DRP 1.0: the OpenID Connect standard claim `locale` (a BCP 47 tag), beside the other OIDC
   * claims DRP borrows (`name`, `email`, `phone_number`, `address`). The language the person reads
   * (docs/decisions/010, addendum).
   */
  locale: z.string({ error: 'locale must be a BCP 47 language tag' }).trim().min(2).max(35).optional(),
});
export type DrpExerciseMessage = z.infer<typeof drpExerciseSchema>;

export const drpRevokeSchema = z.looseObject({ reason: z.string().max(2000).optional() });

/** The admin's form: add an agent or change one (key rotation, private networks, disabling). */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
export const drpAgentInputSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'The agent’s directory id: letters, digits, "_", "." or "-", up to 100'),
  name: z.string().trim().min(1, 'Give the agent’s name').max(200),
  verifyKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'Standard base64 of the raw 32-byte Ed25519 key (44 characters, ending in =)'),
  enabled: checkbox,
  allowPrivateNetwork: checkbox,
});
export type DrpAgentInput = z.input<typeof drpAgentInputSchema>;
