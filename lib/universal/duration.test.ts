import { describe, expect, it } from 'vitest';
import { formatHours } from './duration';

describe('formatHours', () => {
  it('says whole days from two days up, and hours otherwise', () => {
    expect(formatHours(240)).toBe('10 days');
    expect(formatHours(48)).toBe('2 days');
    expect(formatHours(24)).toBe('24 hours');
    expect(formatHours(36)).toBe('36 hours');
    expect(formatHours(60)).toBe('60 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(0.5)).toBe('0.5 hours');
  });
});
