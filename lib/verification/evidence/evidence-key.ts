/** Where an uploaded identity document is stored (encrypted, lib/storage): apart from packages and tasks. */
export function evidenceKey(requestId: string, evidenceId: string) {
  return `evidence/${requestId}/${evidenceId}`;
}

/** How many documents may wait for review on one request at once. */
export const MAX_PENDING_EVIDENCE = 3;
