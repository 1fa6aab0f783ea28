import { describe, expect, it } from 'vitest';
import { RECIPIENT_RULES, recipientRuleFor, typesThatTellRecipients } from './recipient-rules';

describe('recipient rules', () => {
  it('every row names its source', () => {
    for (const rule of RECIPIENT_RULES) expect(rule.source).toMatch(/\[(P|S|policy)\]$/);
  });

  it('GDPR Art. 19 and UK GDPR Art. 19: correction, erasure and restriction tell every recipient, with the exception', () => {
    for (const jurisdiction of ['EU', 'UK']) {
      expect(typesThatTellRecipients(jurisdiction).sort()).toEqual(['correction', 'deletion', 'restriction']);
      for (const role of ['processor', 'third_party'] as const)
        expect(recipientRuleFor(jurisdiction, ['deletion'], role)?.exceptionAllowed).toBe(true);
      expect(recipientRuleFor(jurisdiction, ['access', 'export'], 'processor')).toBeNull();
    }
  });

  it('LGPD Art. 18 §6: correction, elimination and blocking tell the agents the data was shared with', () => {
    expect(typesThatTellRecipients('BR').sort()).toEqual(['correction', 'deletion', 'restriction']);
  });

  it('CCPA regs §7022(b)(2)-(3) and §7023(c): service providers always, third parties on deletion with an explanation', () => {
    expect(recipientRuleFor('US-CA', ['deletion'], 'processor')).toMatchObject({ exceptionAllowed: false });
    expect(recipientRuleFor('US-CA', ['deletion'], 'third_party')).toMatchObject({
      exceptionAllowed: true,
      explainToRequester: true,
    });
    expect(recipientRuleFor('US-CA', ['correction'], 'processor')).toMatchObject({ exceptionAllowed: false });
    expect(recipientRuleFor('US-CA', ['correction'], 'third_party')).toBeNull();
    expect(recipientRuleFor('US-CA', ['restriction'], 'processor')).toBeNull();
  });

  it('[policy] a regime without a row tells nobody', () => {
    for (const jurisdiction of ['US-VA', 'US-CO', 'CA', 'OTHER'])
      expect(typesThatTellRecipients(jurisdiction)).toEqual([]);
  });
});
