import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, type Jurisdiction } from '../universal/codes';
import { sayEach } from '../i18n/say-phrases';
import type { Phrase } from '../universal/i18n/phrase';
import { appealDeadline, appealRejectedNotices, appealRule, appealWindow } from './appeal-rules';

const english = (notices: Phrase[]) => sayEach('en', notices).map((n) => n.text);

const T0 = new Date('2026-12-02T15:00:00Z');
const DAY = 86_400_000;
const regime = (jurisdiction: Jurisdiction, receivedAt = T0) => ({
  jurisdiction,
  types: ['deletion'] as const,
  receivedAt,
});
const denied = (jurisdiction: Jurisdiction, receivedAt = T0) => ({
  ...regime(jurisdiction, receivedAt),
  status: 'denied' as const,
  partial: false,
  denialReason: 'exempt',
  decidedAt: new Date(receivedAt.getTime() + DAY),
});
const decideBy = (jurisdiction: Jurisdiction, extended = false) => {
  const d = appealDeadline(regime(jurisdiction), T0, { extended });
  return DateTime.fromJSDate(d.dueAt, { zone: d.timeZone }).toISODate();
};

describe('appeal rules per regime', () => {
  it.each([
    ['US-VA', 'Va. Code §59.1-577(C)', '2027-01-31', null],
    ['US-CO', 'C.R.S. 6-1-1306(3)(b)', '2027-01-16', '2027-03-17'],
    ['US-CT', 'Conn. Gen. Stat. §42-518(d)', '2027-01-31', null],
    ['US-MN', 'Minn. Stat. §325M.14 subd. 6', '2027-01-16', '2027-03-17'],
    ['US-NJ', 'N.J.S.A. 56:8-166.10(d)', '2027-01-16', '2027-03-02'],
    ['US-OR', 'ORS 646A.576(5)', '2027-01-16', '2027-03-02'],
    ['US-TX', 'Tex. Bus. & Com. Code §541.053', '2027-01-31', null],
    ['US-IA', 'Iowa Code §715D.4(3)', '2027-01-31', null],
  ] as const)(
    '%s (%s): appeal received 2 Dec 2026 decided by %s, extended to %s',
    (jurisdiction, _c, due, extendedDue) => {
      expect(decideBy(jurisdiction)).toBe(due);
      expect(appealRule(regime(jurisdiction)).extension === null).toBe(extendedDue === null);
      // Where there is no extension, asking for it leaves the date.
      expect(decideBy(jurisdiction, true)).toBe(extendedDue ?? due);
    },
  );

  it.each(['US-CA', 'US-UT', 'US-OTHER', 'EU', 'UK', 'BR', 'CA', 'CA-QC', 'OTHER'] as const)(
    '%s has no appeal step (Utah Code §13-61-203; the others send a person to the authority)',
    (jurisdiction) => {
      expect(appealWindow(denied(jurisdiction), T0)).toEqual({ open: false, closesAt: null });
      expect(() => appealDeadline(regime(jurisdiction), T0)).toThrow(/no appeal step/);
      expect(appealRejectedNotices(regime(jurisdiction))).toEqual([]);
    },
  );

  it('every jurisdiction with an appeal opens a 60-day window after the decision (policy for "a reasonable period")', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const window = appealWindow(denied(jurisdiction), new Date(T0.getTime() + 2 * DAY));
      if (!appealRule(regime(jurisdiction)).decision) continue;
      expect(window, jurisdiction).toEqual({ open: true, closesAt: new Date(T0.getTime() + 61 * DAY) });
      expect(appealWindow(denied(jurisdiction), new Date(T0.getTime() + 62 * DAY)).open, jurisdiction).toBe(false);
    }
  });

  it('Ind. Code 24-15 in force 1 Jan 2026: a refusal of a request received before has no appeal (the policy default)', () => {
    expect(appealWindow(denied('US-IN', new Date('2025-12-30T15:00:00Z')), new Date('2026-01-02T15:00:00Z'))).toEqual({
      open: false,
      closesAt: null,
    });
    expect(appealWindow(denied('US-IN'), new Date(T0.getTime() + 2 * DAY)).open).toBe(true);
  });

  it('a rejected appeal names the state Attorney General with its complaint page where known', () => {
    expect(english(appealRejectedNotices(regime('US-VA')))[0]).toMatch(
      /contact the Virginia Attorney General to submit a complaint: https:\/\/www\.oag\.state\.va\.us\/consumercomplaintform/,
    );
    expect(english(appealRejectedNotices(regime('US-TN')))[0]).toMatch(
      /contact the Tennessee Attorney General to submit a complaint\.$/,
    );
  });
});
