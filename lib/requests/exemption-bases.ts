/**
 * Common legal bases for refusing a right, offered to staff on the deny form (they pick one or write
 * their own): the notice must name the exception relied on (11 CCR §7022(f)(1), §7024; GDPR Art.
 * 12(4)). Suggestions only; the basis sent is what staff leave in the field.
 */
export const EXEMPTION_BASES: readonly { basis: string; source: string }[] = [
  {
    basis: 'Cal. Civ. Code §1798.105(d)(1): needed to complete the transaction or perform our contract with you',
    source: '[S] Cal. Civ. Code §1798.105(d)(1)',
  },
  {
    basis:
      'Cal. Civ. Code §1798.105(d)(2): needed to detect security incidents and protect against fraud or illegal activity',
    source: '[S] Cal. Civ. Code §1798.105(d)(2)',
  },
  {
    basis: 'Cal. Civ. Code §1798.105(d)(3): needed to debug and repair errors',
    source: '[S] Cal. Civ. Code §1798.105(d)(3)',
  },
  {
    basis: 'Cal. Civ. Code §1798.105(d)(7): solely internal uses reasonably aligned with your expectations',
    source: '[S] Cal. Civ. Code §1798.105(d)(7)',
  },
  {
    basis: 'Cal. Civ. Code §1798.105(d)(8): needed to comply with a legal obligation',
    source: '[S] Cal. Civ. Code §1798.105(d)(8)',
  },
  {
    basis: 'Cal. Civ. Code §1798.145(a)(1)(E): needed to exercise or defend legal claims',
    source: '[S] Cal. Civ. Code §1798.145(a)',
  },
  {
    basis: 'GDPR Art. 17(3)(b): processing needed to comply with a legal obligation',
    source: '[S] GDPR Art. 17(3)(b)',
  },
  {
    basis: 'GDPR Art. 17(3)(e): needed for the establishment, exercise or defence of legal claims',
    source: '[S] GDPR Art. 17(3)(e)',
  },
  {
    basis: 'GDPR Art. 15(4): a copy would adversely affect the rights and freedoms of others',
    source: '[S] GDPR Art. 15(4)',
  },
  {
    basis:
      'GDPR Art. 20(1): portability covers only data you provided, processed by consent or contract by automated means',
    source: '[S] GDPR Art. 20(1)',
  },
  {
    basis: 'UK DPA 2018 Sch. 2 para. 5: information needed for legal proceedings or legal advice',
    source: '[S] DPA 2018 Sch. 2 para. 5',
  },
  {
    basis: 'LGPD Art. 16 I: kept to comply with a legal or regulatory obligation',
    source: '[S] LGPD Art. 16 I',
  },
  {
    basis: 'PIPEDA s.9(3)(a): information protected by solicitor-client privilege',
    source: '[S] PIPEDA s.9(3)(a)',
  },
  {
    basis: 'Va. Code §59.1-582(A)(1): needed to comply with federal, state or local law',
    source: '[S] Va. Code §59.1-582(A)(1)',
  },
];
