import { describe, expect, it } from 'vitest';
import { COMPLAINT_RULES, complaintDeadlines, complaintRule, UK_COMPLAINTS_DUTY_FROM } from './complaint-rules';

describe('complaint rules', () => {
  it('every rule names its sources', () => {
    for (const rule of Object.values(COMPLAINT_RULES))
      for (const s of rule.sources) expect(s).toMatch(/\[(P|S|policy)\]$/);
  });

  it('DPA 2018 s.164A(3): 30 days beginning when received, the day of receipt counting, to the end of the day in London', () => {
    // Summer time: the end of the 30th day is 23:59:59.999 BST, 22:59:59.999 UTC.
    const summer = complaintDeadlines('UK', new Date('2026-07-01T08:00:00Z'));
    expect(summer.acknowledgeBy.toISOString()).toBe('2026-07-30T22:59:59.999Z');
    expect(summer.rule.authority).toContain('Information Commissioner');
    // Received late in the evening, London time, on the last day of a month.
    const winter = complaintDeadlines('UK', new Date('2026-12-31T23:30:00Z'));
    expect(winter.acknowledgeBy.toISOString()).toBe('2027-01-29T23:59:59.999Z');
  });

  it('Data (Use and Access) Act 2025 commencement: s.164A applies from 19 June 2026; before it, the policy', () => {
    expect(complaintRule('UK', new Date(UK_COMPLAINTS_DUTY_FROM.getTime() - 1)).authority).toBeNull();
    expect(complaintRule('UK', UK_COMPLAINTS_DUTY_FROM).authority).not.toBeNull();
  });

  it('[policy] every other regime gets the same channel and clock, in its own time zone, naming no UK authority', () => {
    const ca = complaintDeadlines('US-CA', new Date('2026-12-02T07:00:00Z'));
    expect(ca.timeZone).toBe('America/Los_Angeles');
    // 1 December in Los Angeles is day one.
    expect(ca.acknowledgeBy.toISOString()).toBe('2026-12-31T07:59:59.999Z');
    expect(ca.rule.authority).toBeNull();
  });
});
