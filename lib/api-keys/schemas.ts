import { z } from 'zod';
import { API_KEY_SCOPE_NAMES } from './scopes';

/** Creating a key: a name admins recognise and at least one scope. Repeated form fields give an array. */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: 'Name the key' })
    .trim()
    .min(1, 'Name the key, e.g. "Website"')
    .max(100, 'At most 100 characters'),
  scopes: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(API_KEY_SCOPE_NAMES, { error: 'Unknown scope' }))
      .min(1, 'Choose at least one scope')
      .refine((s) => new Set(s).size === s.length, 'Choose each scope once'),
  ),
  /**
   * The staff member a key with staff scopes acts as (decision 021); empty means the admin creating
   * it. Ignored for a key without staff scopes.
   */
  actsAsId: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).max(64).optional()),
});

export const apiKeyIdSchema = z.object({ keyId: z.uuid('Unknown key') });

/** The whole key as a client sends it: `bsk_<prefix>_<secret>`. */
export const API_KEY_PATTERN = /^bsk_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;
