import { describe, expect, it } from 'vitest';
import { EXEMPTION_BASES } from './exemption-bases';
import { denialSchema } from './staff/schemas';

describe('exemption bases offered on the deny form', () => {
  it('each has a source and is a basis the deny action accepts', () => {
    expect(new Set(EXEMPTION_BASES.map((b) => b.basis)).size).toBe(EXEMPTION_BASES.length);
    for (const { basis, source } of EXEMPTION_BASES) {
      expect(source, basis).toMatch(/^\[(P|S|policy)\] /);
      const parsed = denialSchema.parse({ reason: 'exempt', partial: false, message: 'The data is exempt.', basis });
      expect(parsed.basis).toBe(basis);
    }
  });
});
