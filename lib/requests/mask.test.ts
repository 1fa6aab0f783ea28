import { expect, it } from 'vitest';
import { maskEmail, maskName } from './mask';

it('masks emails and names', () => {
  expect(maskEmail('ada.lovelace@example.com')).toBe('a•••@e•••.com');
  expect(maskEmail('x@localhost')).toBe('x•••@l•••');
  expect(maskName('Ada King Lovelace')).toBe('A. K. L.');
  expect(maskName('山田 太郎')).toBe('山. 太.');
  expect(maskName(null)).toBeNull();
});
