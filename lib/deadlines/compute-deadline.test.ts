import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { computeDeadline, getRules, type ComputeDeadlineOptions } from './index';

const at = (iso: string) => new Date(iso);
/** The due calendar date in the deadline's own zone, e.g. '2026-03-02'. */
const localDate = (instant: Date | null, zone: string) =>
  instant ? DateTime.fromJSDate(instant, { zone }).toISODate() : null;
const due = (options: ComputeDeadlineOptions) => {
  const result = computeDeadline(options);
  return { ...result, dueDate: localDate(result.dueAt, result.timeZone) };
};

describe('calendar months (UK, EU)', () => {
  it('UK GDPR Art. 12(3), ICO guidance: 31 Jan -> 28 Feb, a Saturday, so Mon 2 Mar', () => {
    const result = computeDeadline({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt: at('2026-01-31T12:00:00Z'),
    });
    expect(result.explanation).toEqual([
      'received Sat 31 Jan 2026 (Europe/London)',
      'one calendar month -> 28 Feb 2026, no 31 Feb so the last day of the month',
      'a Saturday -> next working day Mon 2 Mar 2026',
      'due by the end of Mon 2 Mar 2026 (23:59 Europe/London)',
      'extension limit: up to two calendar months more (three calendar months from receipt) -> Thu 30 Apr 2026, no 31 Apr so the last day of the month',
    ]);
    expect(result.dueAt).toEqual(at('2026-03-02T23:59:59.999Z')); // GMT in winter
    expect(result.timeZone).toBe('Europe/London');
  });

  it('clamps 31 Jan to 29 Feb in a leap year', () => {
    expect(due({ jurisdiction: 'UK', requestType: 'access', receivedAt: at('2028-01-31T10:00:00Z') }).dueDate).toBe(
      '2028-02-29',
    );
    expect(due({ jurisdiction: 'EU', requestType: 'deletion', receivedAt: at('2028-01-31T10:00:00Z') }).dueDate).toBe(
      '2028-02-29',
    );
  });

  it('keeps the day of month when the next month has it: 30 Apr -> 30 May', () => {
    expect(due({ jurisdiction: 'UK', requestType: 'access', receivedAt: at('2025-04-30T10:00:00Z') }).dueDate).toBe(
      '2025-05-30',
    );
  });

  it('Reg. 1182/71 art. 3(4): rolls an EU deadline off a weekend by default, and not when the operator turns the roll off', () => {
    const receivedAt = at('2026-04-30T10:00:00Z'); // 30 May 2026 is a Saturday
    expect(due({ jurisdiction: 'EU', requestType: 'access', receivedAt }).dueDate).toBe('2026-06-01');
    const noRoll = due({
      jurisdiction: 'EU',
      requestType: 'access',
      receivedAt,
      rules: getRules({ EU: { rollToWorkingDay: false } }),
    });
    expect(noRoll.dueDate).toBe('2026-05-30');
    expect(noRoll.explanation).toContain('a Saturday; not moved, as deadlines in EU do not roll to a working day');
  });
});

describe('UK roll past weekends and bank holidays', () => {
  it('moves a deadline on Easter Monday to the Tuesday', () => {
    const result = due({ jurisdiction: 'UK', requestType: 'access', receivedAt: at('2026-03-06T09:00:00Z') });
    expect(result.dueDate).toBe('2026-04-07');
    expect(result.explanation).toContain('Easter Monday, a public holiday -> next working day Tue 7 Apr 2026');
  });

  it('moves a deadline on Good Friday past the weekend and Easter Monday, naming it', () => {
    const result = due({ jurisdiction: 'UK', requestType: 'access', receivedAt: at('2026-03-03T09:00:00Z') });
    expect(result.dueDate).toBe('2026-04-07');
    expect(result.explanation).toContain(
      'Good Friday, a public holiday -> next working day Tue 7 Apr 2026, also skipping Easter Monday (Mon 6 Apr)',
    );
  });

  it('moves a deadline on the Boxing Day substitute (Mon 28 Dec 2026) to Tue 29 Dec', () => {
    const result = due({ jurisdiction: 'UK', requestType: 'access', receivedAt: at('2026-11-28T09:00:00Z') });
    expect(result.dueDate).toBe('2026-12-29');
    expect(result.explanation).toContain(
      'Boxing Day (substitute day), a public holiday -> next working day Tue 29 Dec 2026',
    );
  });

  it('moves a deadline on Boxing Day (a Saturday) past Sunday and the substitute day', () => {
    const result = due({ jurisdiction: 'UK', requestType: 'access', receivedAt: at('2026-11-26T09:00:00Z') });
    expect(result.dueDate).toBe('2026-12-29');
    expect(result.explanation).toContain(
      'Boxing Day, a Saturday -> next working day Tue 29 Dec 2026, also skipping Boxing Day (substitute day) (Mon 28 Dec)',
    );
  });
});

describe('California', () => {
  const receivedAt = at('2026-11-23T18:00:00Z'); // Mon 23 Nov 2026, 10:00 in Los Angeles

  it('CCPA regs §7021(a)-(b): answers within 45 calendar days and acknowledges within 10 business days, skipping Thanksgiving', () => {
    const result = due({ jurisdiction: 'US-CA', requestType: 'access', receivedAt });
    expect(result.dueDate).toBe('2027-01-07');
    expect(result.dueAt).toEqual(at('2027-01-08T07:59:59.999Z'));
    expect(result.acknowledgeBy).toEqual(at('2026-12-10T07:59:59.999Z')); // Wed 9 Dec, PST
    expect(result.explanation).toContain(
      'acknowledge receipt within 10 business days -> Wed 9 Dec 2026, skipping weekends and Thanksgiving Day (Thu 26 Nov), Day after Thanksgiving Day (Fri 27 Nov)',
    );
  });

  it('CCPA regs §7021(b): allows 90 days in all with the extension, and uses it when extended', () => {
    const result = due({ jurisdiction: 'US-CA', requestType: 'deletion', receivedAt, extended: true });
    expect(localDate(result.maxExtendedDueAt, result.timeZone)).toBe('2027-02-21');
    expect(result.dueAt).toEqual(result.maxExtendedDueAt);
    expect(localDate(result.originalDueAt, result.timeZone)).toBe('2027-01-07');
  });

  it('CCPA regs §7026(f)(1): treats an opt-out of sale/sharing as an opt-out: 15 business days, no extension, no acknowledgement', () => {
    const result = due({ jurisdiction: 'US-CA', requestType: 'opt_out_sale', receivedAt });
    expect(result.dueDate).toBe('2026-12-16');
    expect(result.maxExtendedDueAt).toBeNull();
    expect(result.acknowledgeBy).toBeNull();
  });

  it('CCPA regs §7027(g)(1): a request to limit is due on the same day as an opt-out', () => {
    expect(due({ jurisdiction: 'US-CA', requestType: 'limit_sensitive', receivedAt }).dueDate).toBe('2026-12-16');
  });

  it('CAN-SPAM §7704(a)(4)(A): unsubscribing is due in 10 business days, skipping Thanksgiving', () => {
    const result = due({ jurisdiction: 'US-CA', requestType: 'unsubscribe', receivedAt });
    expect(result.dueDate).toBe('2026-12-09');
    expect(result.maxExtendedDueAt).toBeNull();
  });

  it('CCPA regs §7021: an objection in California keeps the 45 days and the acknowledgement', () => {
    const result = due({ jurisdiction: 'US-CA', requestType: 'objection', receivedAt });
    expect(result.dueDate).toBe('2027-01-07');
    expect(result.acknowledgeBy).not.toBeNull();
  });

  it('CCPA regs §7021(b): keeps counting from receipt when identity is verified later', () => {
    const result = due({
      jurisdiction: 'US-CA',
      requestType: 'access',
      receivedAt,
      verifiedAt: at('2026-12-01T18:00:00Z'),
    });
    expect(result.dueDate).toBe('2027-01-07');
    expect(result.explanation).toContain('verified Tue 1 Dec 2026; in US-CA the clock runs from receipt regardless');
  });
});

describe('time zones and daylight saving', () => {
  it('Los Angeles, just after midnight on the spring-forward day', () => {
    const result = computeDeadline({
      jurisdiction: 'US-CA',
      requestType: 'access',
      receivedAt: at('2026-03-08T08:30:00Z'),
    });
    expect(result.dueAt).toEqual(at('2026-04-23T06:59:59.999Z')); // end of 22 Apr, PDT
  });

  it('Los Angeles, just after midnight on the fall-back day', () => {
    const result = computeDeadline({
      jurisdiction: 'US-CA',
      requestType: 'access',
      receivedAt: at('2026-11-01T07:30:00Z'),
    });
    expect(result.dueAt).toEqual(at('2026-12-17T07:59:59.999Z')); // end of 16 Dec, PST
  });

  it('London, just after midnight on the day clocks go forward, due in summer time', () => {
    const result = computeDeadline({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt: at('2026-03-29T00:30:00Z'),
    });
    expect(result.dueAt).toEqual(at('2026-04-29T22:59:59.999Z')); // end of Wed 29 Apr, BST
  });

  it('London, just after midnight on the day clocks go back, due in winter time', () => {
    const result = computeDeadline({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt: at('2026-10-24T23:30:00Z'),
    });
    expect(result.explanation[0]).toBe('received Sun 25 Oct 2026 (Europe/London)');
    expect(result.dueAt).toEqual(at('2026-11-25T23:59:59.999Z'));
  });

  it('judges the day of receipt in the local zone: 1 Mar 05:00 UTC is still 28 Feb in Los Angeles', () => {
    const result = computeDeadline({
      jurisdiction: 'US-CA',
      requestType: 'access',
      receivedAt: at('2026-03-01T05:00:00Z'),
    });
    expect(result.explanation[0]).toBe('received Sat 28 Feb 2026 (America/Los_Angeles)');
    expect(result.dueAt).toEqual(at('2026-04-15T06:59:59.999Z')); // end of 14 Apr, not 15 Apr
  });

  it('OTHER counts in UTC with weekends only', () => {
    const result = computeDeadline({
      jurisdiction: 'OTHER',
      requestType: 'access',
      receivedAt: at('2026-01-31T23:30:00Z'),
    });
    expect(result.timeZone).toBe('UTC');
    expect(result.dueAt).toEqual(at('2026-03-02T23:59:59.999Z'));
    expect(result.maxExtendedDueAt).toEqual(at('2026-04-01T23:59:59.999Z'));
  });
});

describe('Brazil', () => {
  it('LGPD Art. 19(II): gives 15 calendar days in São Paulo time and no extension', () => {
    const result = due({ jurisdiction: 'BR', requestType: 'access', receivedAt: at('2026-04-02T02:00:00Z') }); // 1 Apr, 23:00 local
    expect(result.dueDate).toBe('2026-04-16');
    expect(result.dueAt).toEqual(at('2026-04-17T02:59:59.999Z'));
    expect(result.maxExtendedDueAt).toBeNull();
  });

  it('keeps the first deadline when an extension is asked for but the law has none', () => {
    const result = due({
      jurisdiction: 'BR',
      requestType: 'access',
      receivedAt: at('2026-04-01T15:00:00Z'),
      extended: true,
    });
    expect(result.dueDate).toBe('2026-04-16');
    expect(result.explanation).toContain('extension requested, but BR allows none: the due date stays');
  });
});

describe('pauses', () => {
  const receivedAt = at('2026-02-02T10:00:00Z'); // Mon 2 Feb 2026 -> due Mon 2 Mar
  const pause = (from: string, to: string) => ({ from: at(from), to: at(to), reason: 'awaiting_identity' as const });

  it('moves a UK deadline by the whole days paused', () => {
    const result = due({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt,
      pauses: [pause('2026-02-05T10:00:00Z', '2026-02-08T10:00:00Z')],
    });
    expect(result.dueDate).toBe('2026-03-05');
    expect(result.pausedDays).toBe(3);
    expect(result.explanation).toContain(
      'clock paused 3 days (Thu 5 Feb 2026 10:00 – Sun 8 Feb 2026 10:00) -> 5 Mar 2026',
    );
  });

  it('counts whole 24-hour periods only, after adding the pauses up', () => {
    const almostFour = due({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt,
      pauses: [pause('2026-02-05T10:00:00Z', '2026-02-09T09:59:00Z')],
    });
    expect(almostFour.pausedDays).toBe(3);
    const twoHalves = due({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt,
      pauses: [
        pause('2026-02-05T00:00:00Z', '2026-02-05T12:00:00Z'),
        pause('2026-02-10T00:00:00Z', '2026-02-10T12:00:00Z'),
      ],
    });
    expect(twoHalves.pausedDays).toBe(1);
    expect(twoHalves.dueDate).toBe('2026-03-03');
  });

  it('merges overlapping pauses instead of counting the overlap twice', () => {
    const result = due({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt,
      pauses: [
        pause('2026-02-08T10:00:00Z', '2026-02-12T10:00:00Z'),
        pause('2026-02-05T10:00:00Z', '2026-02-10T10:00:00Z'),
      ],
    });
    expect(result.pausedDays).toBe(7); // 5 to 12 Feb, not 5 + 4
    expect(result.dueDate).toBe('2026-03-09');
  });

  it('ignores the part of a pause before receipt, and pauses that begin after the deadline passed', () => {
    const result = due({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt,
      pauses: [
        pause('2026-01-20T10:00:00Z', '2026-02-03T10:00:00Z'),
        pause('2026-03-10T00:00:00Z', '2026-03-20T00:00:00Z'),
      ],
    });
    expect(result.pausedDays).toBe(1);
    expect(result.dueDate).toBe('2026-03-03');
    expect(result.explanation).toContain(
      'pause Tue 10 Mar 2026 00:00 – Fri 20 Mar 2026 00:00 not counted: it began after the deadline had passed',
    );
  });

  it('accepts a pause that ends in the future (still waiting on the requester)', () => {
    const result = due({
      jurisdiction: 'EU',
      requestType: 'access',
      receivedAt,
      pauses: [pause('2026-02-10T09:00:00Z', '2030-01-01T00:00:00Z')],
    });
    expect(result.dueAt > at('2029-12-31T00:00:00Z')).toBe(true);
  });

  it('CCPA regs §7021(b): ignores pauses in California, and says so', () => {
    const unpaused = due({ jurisdiction: 'US-CA', requestType: 'access', receivedAt });
    const paused = due({
      jurisdiction: 'US-CA',
      requestType: 'access',
      receivedAt,
      pauses: [pause('2026-02-05T10:00:00Z', '2026-02-15T10:00:00Z')],
    });
    expect(paused.dueAt).toEqual(unpaused.dueAt);
    expect(paused.pausedDays).toBe(0);
    expect(paused.explanation).toContain('clock pauses ignored: the clock does not stop in US-CA');
  });

  it('moves the extension limit by the paused days too', () => {
    const result = due({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt,
      pauses: [pause('2026-02-05T10:00:00Z', '2026-02-08T10:00:00Z')],
    });
    expect(localDate(result.maxExtendedDueAt, result.timeZone)).toBe('2026-05-05'); // 2 May + 3 days
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() =>
      computeDeadline({
        jurisdiction: 'UK',
        requestType: 'access',
        receivedAt,
        pauses: [pause('2026-02-08T00:00:00Z', '2026-02-05T00:00:00Z')],
      }),
    ).toThrow(RangeError);
  });
});

describe('extension limits and clock start', () => {
  it('UK GDPR Art. 12(3): at most three months from receipt, used when extended', () => {
    const result = computeDeadline({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt: at('2026-01-31T12:00:00Z'),
      extended: true,
    });
    expect(result.maxExtendedDueAt).toEqual(at('2026-04-30T22:59:59.999Z')); // end of 30 Apr, BST
    expect(result.dueAt).toEqual(result.maxExtendedDueAt);
    expect(result.originalDueAt).toEqual(at('2026-03-02T23:59:59.999Z'));
    expect(result.explanation.at(-1)).toBe('extended: due by the end of Thu 30 Apr 2026 (23:59 Europe/London)');
  });

  it('UK GDPR Art. 12A: the clock starts when identity is verified, if that is after receipt', () => {
    const result = due({
      jurisdiction: 'UK',
      requestType: 'access',
      receivedAt: at('2026-02-02T10:00:00Z'),
      verifiedAt: at('2026-02-04T10:00:00Z'),
    });
    expect(result.dueDate).toBe('2026-03-04');
    expect(result.explanation).toContain('clock starts when identity was verified: Wed 4 Feb 2026');
  });

  it('rejects an invalid receipt date', () => {
    expect(() => computeDeadline({ jurisdiction: 'UK', requestType: 'access', receivedAt: new Date('nope') })).toThrow(
      RangeError,
    );
  });
});
