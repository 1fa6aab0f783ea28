/**
 * The inputs of a decision on a request, for the staff action that receives the form and the domain
 * function that enforces them alike.
 */
import { z } from 'zod';
import { DENIAL_REASONS, type DenialReason } from '../denial-notices';

/** The message the requester receives with the decision, trimmed. */
export const decisionMessageSchema = z
  .string()
  .trim()
  .min(10, 'Write the message the requester will receive (at least 10 characters).')
  .max(10_000, 'The message must be at most 10,000 characters.');

export const denialSchema = z.object({
  reason: z.enum(Object.keys(DENIAL_REASONS) as [DenialReason, ...DenialReason[]], 'Choose a reason for the denial.'),
  partial: z.boolean(),
  message: decisionMessageSchema,
});

/** Several requests denied at once: only as duplicates or spam, never partly. */
export const bulkDenialSchema = z.object({
  reason: z.enum(['duplicate', 'manifestly_unfounded'], 'Choose a reason for the denial.'),
  message: decisionMessageSchema,
});

export const completionSchema = z.object({ message: decisionMessageSchema });
