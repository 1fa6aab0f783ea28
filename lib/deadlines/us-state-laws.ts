import type { UsStateJurisdiction } from '../universal/codes';

/**
 * The US state comprehensive privacy laws, one row per state, from docs/rights-law.md §1 ("US
 * states"). rules.ts turns each row into the state's jurisdiction rule. [P] read in the statute,
 * [S] secondary, [policy] Bitstride's own choice where the statute leaves it open.
 *
 * - `responseDays` + `extensionDays`: calendar days from receipt, the extension taken once with
 *   notice inside the first period.
 * - `appeal`: null where the law has no appeal step (Utah, and California, which sends a person to
 *   its agency). `decisionDays` is the statute's time to decide from receipt of the appeal, and
 *   `extensionDays` its extension (noticed within the decision period) where it has one.
 * - The window to file an appeal is "a reasonable period" in every statute read: the rules give all
 *   states the same policy window (APPEAL_WINDOW_DAYS in rules.ts).
 * - `effectiveFrom`: the first day the law applies, in the state's zone; a request received earlier
 *   gets the policy default of `US-OTHER` (45 + 45, no appeal).
 * - `timeZone`: the state's zone; where a state spans several, the one most of its people live in
 *   (noted per row). `holidayCountry`: the date-holidays code of the state's own calendar.
 * - `authority`: who the notices name for a complaint: the Attorney General (California: its
 *   Privacy Protection Agency), with the complaint page where one was found.
 */
export type UsStateLaw = {
  law: string;
  effectiveFrom: string;
  responseDays: number;
  extensionDays: number;
  appeal: { decisionDays: number; extensionDays: number | null } | null;
  timeZone: string;
  holidayCountry: string;
  authority: { name: string; url: string | null };
  sources: string[];
};

export const US_STATE_LAWS: Record<UsStateJurisdiction, UsStateLaw> = {
  'US-CA': {
    law: 'California Consumer Privacy Act (Cal. Civ. Code §1798.100 ff.)',
    effectiveFrom: '2020-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: null,
    timeZone: 'America/Los_Angeles',
    holidayCountry: 'US-CA',
    authority: {
      name: 'the California Privacy Protection Agency',
      url: 'https://cppa.ca.gov/webapplications/complaint',
    },
    sources: [
      'Cal. Civ. Code §1798.198: operative 1 January 2020 [S]',
      'CCPA: no appeal step; the CPPA and the Attorney General enforce (§1798.199.10 ff.) [S]',
    ],
  },
  'US-CO': {
    law: 'Colorado Privacy Act (C.R.S. 6-1-1301 ff.)',
    effectiveFrom: '2023-07-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 45, extensionDays: 60 },
    timeZone: 'America/Denver',
    holidayCountry: 'US-CO',
    authority: { name: 'the Colorado Attorney General', url: 'https://coag.gov/file-complaint/' },
    sources: [
      'C.R.S. 6-1-1306(2)(a): respond within 45 days of receipt, extendable by 45 days [S]',
      'C.R.S. 6-1-1306(3)(b): appeal decided within 45 days of receipt, +60 with notice and reasons within the 45 [S]',
      'C.R.S. 6-1-1306(3)(c): a refused appeal names the Attorney General [S]',
      'Colorado Privacy Act Rule 6.11: the appeal and its outcome are recorded [P]',
      'SB 21-190 s.7: effective 1 July 2023 [S]',
    ],
  },
  'US-CT': {
    law: 'Connecticut Data Privacy Act (Conn. Gen. Stat. §42-515 ff.)',
    effectiveFrom: '2023-07-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/New_York',
    holidayCountry: 'US-CT',
    authority: { name: 'the Connecticut Attorney General', url: 'https://www.dir.ct.gov/ag/complaint/' },
    sources: [
      'Conn. Gen. Stat. §42-518(c)(1): respond within 45 days of receipt, +45 when reasonably necessary [P]',
      'Conn. Gen. Stat. §42-518(d): appeal decided within 60 days of receipt; a refusal names the Attorney General [S]',
      'Public Act 22-15 s.11: effective 1 July 2023 [S]',
    ],
  },
  'US-DE': {
    law: 'Delaware Personal Data Privacy Act (6 Del. C. §12D-101 ff.)',
    effectiveFrom: '2025-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/New_York',
    holidayCountry: 'US-DE',
    authority: { name: 'the Delaware Attorney General', url: null },
    sources: [
      '6 Del. C. §12D-104(c): respond within 45 days, +45 when reasonably necessary [S]',
      '6 Del. C. §12D-104(d): appeal decided within 60 days; a refusal names the Attorney General [S]',
      'HB 154 (2023): effective 1 January 2025 [S]',
    ],
  },
  'US-IN': {
    law: 'Indiana Consumer Data Protection Act (Ind. Code 24-15)',
    effectiveFrom: '2026-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    // Most of Indiana keeps Eastern time; a few north-west and south-west counties are Central.
    timeZone: 'America/Indiana/Indianapolis',
    holidayCountry: 'US-IN',
    authority: { name: 'the Indiana Attorney General', url: null },
    sources: [
      'Ind. Code 24-15-3-2: respond within 45 days, +45 when reasonably necessary [S]',
      'Ind. Code 24-15-3-3: appeal decided within 60 days; a refusal names the Attorney General [S]',
      'SEA 5 (2023): effective 1 January 2026 [S]',
    ],
  },
  'US-IA': {
    law: 'Iowa Consumer Data Protection Act (Iowa Code ch. 715D)',
    effectiveFrom: '2025-01-01',
    responseDays: 90,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/Chicago',
    holidayCountry: 'US-IA',
    authority: { name: 'the Iowa Attorney General', url: null },
    sources: [
      'Iowa Code §715D.4(2): respond within 90 days of receipt, +45 when reasonably necessary [S]',
      'Iowa Code §715D.4(3): appeal decided within 60 days; a refusal names the Attorney General [S]',
      'SF 262 (2023): effective 1 January 2025 [S]',
    ],
  },
  'US-KY': {
    law: 'Kentucky Consumer Data Protection Act (KRS 367.3611 ff.)',
    effectiveFrom: '2026-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    // Louisville and Lexington keep Eastern time; the western third is Central.
    timeZone: 'America/New_York',
    holidayCountry: 'US-KY',
    authority: { name: 'the Kentucky Attorney General', url: null },
    sources: [
      'KRS 367.3615(3): respond within 45 days, +45 when reasonably necessary [S]',
      'KRS 367.3615(4): appeal decided within 60 days; a refusal names the Attorney General [S]',
      'HB 15 (2024): effective 1 January 2026 [S]',
    ],
  },
  'US-MD': {
    law: 'Maryland Online Data Privacy Act (Md. Code, Com. Law §14-4601 ff.)',
    effectiveFrom: '2025-10-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/New_York',
    holidayCountry: 'US-MD',
    authority: { name: 'the Maryland Attorney General', url: null },
    sources: [
      'Com. Law §14-4605: respond within 45 days, +45 when reasonably necessary [S]',
      'Com. Law §14-4605: appeal decided within 60 days; a refusal names the Attorney General [S]',
      'SB 541 (2024): effective 1 October 2025 [S]',
    ],
  },
  'US-MN': {
    law: 'Minnesota Consumer Data Privacy Act (Minn. Stat. §325M.10 ff.)',
    effectiveFrom: '2025-07-31',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 45, extensionDays: 60 },
    timeZone: 'America/Chicago',
    holidayCountry: 'US-MN',
    authority: { name: 'the Minnesota Attorney General', url: null },
    sources: [
      'Minn. Stat. §325M.14 subd. 5: respond within 45 days, +45 when reasonably necessary [S]',
      'Minn. Stat. §325M.14 subd. 6: appeal decided within 45 days, +60 with notice within the 45 [S]',
      'Laws 2024 ch. 121: effective 31 July 2025 [S]',
    ],
  },
  'US-MT': {
    law: 'Montana Consumer Data Privacy Act (Mont. Code Ann. §30-14-2801 ff.)',
    effectiveFrom: '2024-10-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/Denver',
    holidayCountry: 'US-MT',
    authority: { name: 'the Montana Attorney General', url: null },
    sources: [
      'Mont. Code Ann. §30-14-2808(4): respond within 45 days, +45 when reasonably necessary [S]',
      'Mont. Code Ann. §30-14-2808(5): appeal decided within 60 days; a refusal names the Attorney General [S]',
      'SB 384 (2023): effective 1 October 2024 [S]',
    ],
  },
  'US-NE': {
    law: 'Nebraska Data Privacy Act (Neb. Rev. Stat. §87-1101 ff.)',
    effectiveFrom: '2025-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    // Omaha and Lincoln keep Central time; the western panhandle is Mountain.
    timeZone: 'America/Chicago',
    holidayCountry: 'US-NE',
    authority: { name: 'the Nebraska Attorney General', url: null },
    sources: [
      'Neb. Rev. Stat. §87-1108: respond within 45 days, +45 when reasonably necessary [S]',
      'Neb. Rev. Stat. §87-1109: appeal decided within 60 days; a refusal names the Attorney General [S]',
      'LB 1074 (2024): operative 1 January 2025 [S]',
    ],
  },
  'US-NH': {
    law: 'New Hampshire privacy act (RSA 507-H)',
    effectiveFrom: '2025-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/New_York',
    holidayCountry: 'US-NH',
    authority: { name: 'the New Hampshire Attorney General', url: null },
    sources: [
      'RSA 507-H:4, III: respond within 45 days, +45 when reasonably necessary [S]',
      'RSA 507-H:4, IV: appeal decided within 60 days; a refusal names the Attorney General [S]',
      'SB 255 (2024): effective 1 January 2025 [S]',
    ],
  },
  'US-NJ': {
    law: 'New Jersey Data Privacy Act (N.J.S.A. 56:8-166.4 ff.)',
    effectiveFrom: '2025-01-15',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 45, extensionDays: 45 },
    timeZone: 'America/New_York',
    holidayCountry: 'US-NJ',
    authority: { name: 'the New Jersey Attorney General (Division of Consumer Affairs)', url: null },
    sources: [
      'N.J.S.A. 56:8-166.10(a): respond within 45 days, +45 when reasonably necessary [S]',
      'N.J.S.A. 56:8-166.10(d): appeal decided within 45 days, +45 with notice within the 45 [S]',
      'P.L. 2023, c.266 s.13: effective 15 January 2025 [S]',
    ],
  },
  'US-OR': {
    law: 'Oregon Consumer Privacy Act (ORS 646A.570 ff.)',
    effectiveFrom: '2024-07-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 45, extensionDays: 45 },
    // Malheur County keeps Mountain time; the rest of the state is Pacific.
    timeZone: 'America/Los_Angeles',
    holidayCountry: 'US-OR',
    authority: { name: 'the Oregon Attorney General (Department of Justice)', url: null },
    sources: [
      'ORS 646A.576(4): respond within 45 days, +45 when reasonably necessary [S]',
      'ORS 646A.576(5): appeal decided within 45 days, +45 with notice within the 45 [S]',
      'SB 619 (2023): operative 1 July 2024 [S]',
    ],
  },
  'US-RI': {
    law: 'Rhode Island Data Transparency and Privacy Protection Act (R.I. Gen. Laws §6-48.1)',
    effectiveFrom: '2026-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/New_York',
    holidayCountry: 'US-RI',
    authority: { name: 'the Rhode Island Attorney General', url: null },
    sources: [
      'R.I. Gen. Laws §6-48.1-5: respond within 45 days, +45 when reasonably necessary [S]',
      'R.I. Gen. Laws §6-48.1-5: appeal decided within 60 days, as in the Connecticut model; not confirmed in the text [S]',
      'H 7787 / S 2500 (2024): effective 1 January 2026 [S]',
    ],
  },
  'US-TN': {
    law: 'Tennessee Information Protection Act (Tenn. Code Ann. §47-18-3301 ff.)',
    effectiveFrom: '2025-07-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    // Nashville and Memphis keep Central time; East Tennessee is Eastern.
    timeZone: 'America/Chicago',
    holidayCountry: 'US-TN',
    authority: { name: 'the Tennessee Attorney General', url: null },
    sources: [
      'Tenn. Code Ann. §47-18-3306(b): respond within 45 days, +45 when reasonably necessary [S]',
      'Tenn. Code Ann. §47-18-3306(c): appeal decided within 60 days; a refusal names the Attorney General [S]',
      'Public Chapter 408 (2023): effective 1 July 2025 [S]',
    ],
  },
  'US-TX': {
    law: 'Texas Data Privacy and Security Act (Tex. Bus. & Com. Code ch. 541)',
    effectiveFrom: '2024-07-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    // El Paso and Hudspeth counties keep Mountain time; the rest of the state is Central.
    timeZone: 'America/Chicago',
    holidayCountry: 'US-TX',
    authority: {
      name: 'the Texas Attorney General',
      url: 'https://www.texasattorneygeneral.gov/consumer-protection/file-consumer-complaint',
    },
    sources: [
      'Tex. Bus. & Com. Code §541.052(b): respond within 45 days, +45 when reasonably necessary [S]',
      'Tex. Bus. & Com. Code §541.053: appeal decided within 60 days; a refusal gives the online complaint form of the Attorney General [S]',
      'HB 4 (2023) s.7: effective 1 July 2024 [S]',
    ],
  },
  'US-UT': {
    law: 'Utah Consumer Privacy Act (Utah Code §13-61-101 ff.)',
    effectiveFrom: '2023-12-31',
    responseDays: 45,
    extensionDays: 45,
    appeal: null,
    timeZone: 'America/Denver',
    holidayCountry: 'US-UT',
    authority: { name: 'the Utah Attorney General', url: null },
    sources: [
      'Utah Code §13-61-203(2): act and inform within 45 days, extendable once by 45; no appeal step [P]',
      'SB 227 (2022): effective 31 December 2023 [S]',
    ],
  },
  'US-VA': {
    law: 'Virginia Consumer Data Protection Act (Va. Code §59.1-575 ff.)',
    effectiveFrom: '2023-01-01',
    responseDays: 45,
    extensionDays: 45,
    appeal: { decisionDays: 60, extensionDays: null },
    timeZone: 'America/New_York',
    holidayCountry: 'US-VA',
    authority: { name: 'the Virginia Attorney General', url: 'https://www.oag.state.va.us/consumercomplaintform' },
    sources: [
      'Va. Code §59.1-577(B): respond within 45 days of receipt [P]',
      'Va. Code §59.1-577(B): extendable once by 45 days when reasonably necessary [P]',
      'Va. Code §59.1-577(C): appeal decided within 60 days of its receipt; no extension [S]',
      'Va. Code §59.1-577(C): a refused appeal gives a way to contact the Attorney General [S]',
      'Acts 2021, Sp. Sess. I, c. 35-36: effective 1 January 2023 [S]',
    ],
  },
};
