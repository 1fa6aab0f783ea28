/**
 * A connector failure. `retryable` failures (network, 5xx, timeouts) go back to the queue; the rest
 * (a bad answer, bad configuration) fail the task at once. The message is shown to staff: it never
 * carries the subject's data.
 */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
