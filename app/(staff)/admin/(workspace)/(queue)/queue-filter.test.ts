import { describe, expect, it } from 'vitest';
import { parseQueueParams, queueHref, tagError } from './queue-filter';

describe('the queue filter: tags', () => {
  it('a tag filters the queue and travels in its URL; typed in capitals it finds the stored lowercase tag', () => {
    const filter = parseQueueParams({ tag: '  Press-Office ', type: 'access' });
    expect(filter.tag).toBe('press-office');
    expect(tagError({ tag: 'Press-Office' })).toBeUndefined();
    expect(queueHref(filter)).toBe('/admin?type=access&tag=press-office');
    expect(parseQueueParams({}).tag).toBeUndefined();
    expect(tagError({ tag: '' })).toBeUndefined();
  });

  it('a tag no request can carry filters nothing, and stays in the URL with why, for the form to show', () => {
    for (const typed of ['press office', 'press--office', '-vip', 'x'.repeat(41)]) {
      const params = { tag: typed, type: 'access' };
      const filter = parseQueueParams(params);
      expect(filter.tag).toBeUndefined();
      const refused = tagError(params);
      expect(refused?.typed).toBe(typed);
      expect(refused?.message).toMatch(/lowercase letters, digits and single hyphens|at most 40 characters/);
      expect(queueHref(filter, undefined, refused?.typed)).toBe(
        `/admin?type=access&${new URLSearchParams({ tag: typed })}`,
      );
    }
  });
});
