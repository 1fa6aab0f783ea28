/**
 * The inputs of a decision on a request, for the staff action that receives the form and the domain
 * function that enforces them alike.
 */
import { z } from 'zod';
import { REQUEST_TAG_MAX_LENGTH, REQUEST_TAG_PATTERN } from '../../universal/codes';
import { DENIAL_REASONS, type DenialReason } from '../denial-notices';

/** The message the requester receives with the decision, trimmed. */
export const decisionMessageSchema = z
  .string()
  .trim()
  .min(10, 'Write the message the requester will receive (at least 10 characters).')
  .max(10_000, 'The message must be at most 10,000 characters.');

/** A free-text part of a denial's notice; empty means not given (notice-rules.ts says when it is required). */
const noticeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString('en')} characters.`)
    // The staff action parses the form, then denyRequest parses its input again: null is "not given" too.
    .nullish()
    .transform((v) => v || null);

export const denialSchema = z.object({
  reason: z.enum(Object.keys(DENIAL_REASONS) as [DenialReason, ...DenialReason[]], 'Choose a reason for the denial.'),
  partial: z.boolean(),
  message: decisionMessageSchema,
  /** The exemption or provision relied on (an exemption must name it: 11 CCR §7022(f)(1), GDPR Art. 12(4)). */
  basis: noticeText(2000),
  /** What was done: the part fulfilled, what was deleted (11 CCR §7022(f)(2), §7024). */
  fulfilled: noticeText(4000),
});

/** Several requests denied at once: only as duplicates or spam, never partly. */
export const bulkDenialSchema = z.object({
  reason: z.enum(['duplicate', 'manifestly_unfounded'], 'Choose a reason for the denial.'),
  message: decisionMessageSchema,
});

export const completionSchema = z.object({ message: decisionMessageSchema });

/** A request's tag: a lowercase slug such as `vip` or `media-inquiry` (the database checks the same format). */
export const requestTagSchema = z
  .string('Give a tag')
  .trim()
  .min(1, 'Give a tag')
  .max(REQUEST_TAG_MAX_LENGTH, `A tag is at most ${REQUEST_TAG_MAX_LENGTH} characters`)
  .regex(
    REQUEST_TAG_PATTERN,
    'Use lowercase letters, digits and single hyphens between them, such as vip or media-inquiry',
  );
