import { AppError } from '../../errors';

/** The message a decision sends the requester, trimmed: 10 to 10,000 characters. */
export function checkMessage(message: string) {
  const trimmed = message.trim();
  if (trimmed.length < 10) throw new AppError('INVALID_INPUT', 'Write the message the requester will receive (at least 10 characters).', { fields: { message: ['Write the message to the requester'] } });
  if (trimmed.length > 10_000) throw new AppError('INVALID_INPUT', 'The message must be at most 10,000 characters.', { fields: { message: ['At most 10,000 characters'] } });
  return trimmed;
}
