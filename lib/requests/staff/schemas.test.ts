import { describe, expect, it } from 'vitest';
import { bulkDenialSchema, completionSchema, denialSchema } from './schemas';

describe('decision schemas', () => {
  it('accepts its own output: the staff action parses the form, then denyRequest parses again', () => {
    const once = denialSchema.parse({ reason: 'exempt', partial: false, message: 'The data is exempt.', basis: '' });
    expect(once).toMatchObject({ basis: null, fulfilled: null });
    expect(denialSchema.parse(once)).toEqual(once);
  });

  it('keep the trimmed message of 10 to 10,000 characters', () => {
    expect(denialSchema.parse({ reason: 'exempt', partial: false, message: '  The data is exempt.  ' }).message).toBe(
      'The data is exempt.',
    );
    expect(completionSchema.parse({ message: 'x'.repeat(10_000) }).message).toHaveLength(10_000);
    expect(completionSchema.parse({ message: `  ${'x'.repeat(10_000)}  ` }).message).toHaveLength(10_000);
  });

  it('refuse a message too short once trimmed, or too long, under the message field', () => {
    const short = denialSchema.safeParse({ reason: 'exempt', partial: false, message: '   too short   ' });
    expect(short.error?.issues).toEqual([
      expect.objectContaining({
        path: ['message'],
        message: 'Write the message the requester will receive (at least 10 characters).',
      }),
    ]);
    const long = bulkDenialSchema.safeParse({ reason: 'duplicate', message: 'x'.repeat(10_001) });
    expect(long.error?.issues).toEqual([
      expect.objectContaining({ path: ['message'], message: 'The message must be at most 10,000 characters.' }),
    ]);
  });

  it('accept only the listed reasons', () => {
    expect(
      denialSchema.safeParse({ reason: 'because', partial: false, message: 'A long enough message.' }).error?.issues[0],
    ).toMatchObject({ path: ['reason'], message: 'Choose a reason for the denial.' });
    expect(bulkDenialSchema.safeParse({ reason: 'exempt', message: 'A long enough message.' }).success).toBe(false);
  });
});
