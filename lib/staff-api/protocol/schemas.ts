/**
 * The inputs of the staff API (/api/v1/staff/…), parsed by its routes and described by its OpenAPI
 * module (./openapi.ts) from these same schemas. Kept apart from lib/staff-api so the document can
 * include them without importing the domain code.
 */
import { z } from 'zod';
import {
  JURISDICTIONS,
  REQUEST_STATUSES,
  REQUEST_TAG_MAX_LENGTH,
  REQUEST_TAG_PATTERN,
  REQUEST_TYPES,
} from '../../universal/codes';

/**
 * The queue's filters as query parameters: the workspace's (lib/requests/staff/list-requests.ts)
 * without the search by email or requester, so no personal data ever travels in a URL.
 */
export const staffRequestListQuerySchema = z.strictObject({
  status: z.array(z.enum(REQUEST_STATUSES)).min(1).optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  assignee: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
  due: z.enum(['overdue', '7d', '30d']).optional(),
  tag: z
    .string()
    .max(REQUEST_TAG_MAX_LENGTH)
    .regex(REQUEST_TAG_PATTERN, 'A tag is lowercase letters, digits and single hyphens, such as vip')
    .optional(),
  after: z
    .string()
    .regex(/^\d+_[0-9a-f-]{36}$/, 'Use the nextCursor of the previous page')
    .optional(),
});

export const staffNoteSchema = z.strictObject({
  body: z.string({ error: 'Write the note' }).max(5000, 'At most 5,000 characters'),
});

export const staffAssigneeSchema = z.strictObject({
  assigneeId: z.string({ error: 'Give a staff id, or null to unassign' }).min(1).max(64).nullable(),
});

/** A manual task's progress: the indexes of the checklist steps done, and what was done. */
export const staffTaskUpdateSchema = z.strictObject({
  done: z.array(z.number().int().min(0).max(100)).max(100),
  result: z.string().max(10_000, 'At most 10,000 characters').nullable().optional(),
});
