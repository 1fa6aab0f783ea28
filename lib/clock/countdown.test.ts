import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { countdown, describeCountdown, openCountdown } from './countdown';

const NEW_YORK = 'America/New_York';
const at = (local: string) => DateTime.fromISO(local, { zone: NEW_YORK }).toJSDate();
const endOf = (day: string) => DateTime.fromISO(day, { zone: NEW_YORK }).endOf('day').toJSDate();

describe('describeCountdown', () => {
  it('says the same all day long, at 00:30 and 23:30', () => {
    for (const time of ['00:30', '23:30']) {
      expect(describeCountdown(endOf('2026-11-27'), at(`2026-12-02T${time}`), NEW_YORK)).toBe('5 days overdue');
      expect(describeCountdown(endOf('2026-12-02'), at(`2026-12-02T${time}`), NEW_YORK)).toBe('due today');
      expect(describeCountdown(endOf('2026-12-03'), at(`2026-12-02T${time}`), NEW_YORK)).toBe('due in 1 day');
      expect(describeCountdown(endOf('2026-12-01'), at(`2026-12-02T${time}`), NEW_YORK)).toBe('1 day overdue');
    }
  });

  it('a deadline at an instant of today that has passed is overdue today', () => {
    expect(describeCountdown(at('2026-12-02T09:00'), at('2026-12-02T10:00'), NEW_YORK)).toBe('overdue today');
  });
});

describe('openCountdown', () => {
  it('is due soon within 7 calendar days of the due day, overdue once it has passed', () => {
    expect(openCountdown(endOf('2026-12-09'), at('2026-12-02T23:30'), NEW_YORK)).toBe('due_soon');
    expect(openCountdown(endOf('2026-12-10'), at('2026-12-02T00:30'), NEW_YORK)).toBe('on_track');
    expect(openCountdown(endOf('2026-12-01'), at('2026-12-02T00:30'), NEW_YORK)).toBe('overdue');
  });

  it('a closed request has no countdown', () => {
    expect(countdown('completed', endOf('2026-12-01'), at('2026-12-02T00:30'), NEW_YORK)).toBe('closed');
    expect(countdown('awaiting_requester', endOf('2026-12-01'), at('2026-12-02T00:30'), NEW_YORK)).toBe('overdue');
  });
});
