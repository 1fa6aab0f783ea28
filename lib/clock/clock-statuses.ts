import type { RequestStatus } from '../universal/codes';

/** Verified and not closed, and not waiting on the requester: the legal clock is running. */
export const ACTIVE_CLOCK_STATUSES: readonly RequestStatus[] = ['verified', 'in_progress'];
