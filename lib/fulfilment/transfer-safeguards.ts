/**
 * The safeguards an international transfer can rely on, as the inventory records them per system and
 * per recipient, and how the data package names each (GDPR Art. 15(2): the data subject is told the
 * safeguards relating to the transfer). Rows with their source; rights-law.md "Supplementary information".
 */
export const TRANSFER_SAFEGUARDS = [
  'no_transfer',
  'adequacy',
  'sccs',
  'uk_idta',
  'uk_addendum',
  'bcrs',
  'derogation',
  'none',
] as const;
export type TransferSafeguard = (typeof TRANSFER_SAFEGUARDS)[number];

export const TRANSFER_SAFEGUARD_RULES: Record<
  TransferSafeguard,
  { label: string; packageText: (country: string) => string; source: string }
> = {
  no_transfer: {
    label: 'No transfer: kept in the country where it is collected',
    packageText: () => 'not transferred to another country',
    source: '[policy] what the inventory records',
  },
  adequacy: {
    label: 'Adequacy decision',
    packageText: (country) =>
      `transferred to ${country} on the basis of an adequacy decision (GDPR Art. 45; in the UK, adequacy regulations under the Data Protection Act 2018 s.17A)`,
    source: '[S] GDPR Art. 45; DPA 2018 s.17A',
  },
  sccs: {
    label: "Standard contractual clauses (European Commission's)",
    packageText: (country) =>
      `transferred to ${country} under the standard contractual clauses adopted by the European Commission (GDPR Art. 46(2)(c))`,
    source: '[S] GDPR Art. 46(2)(c); Commission Implementing Decision (EU) 2021/914',
  },
  uk_idta: {
    label: 'UK International Data Transfer Agreement (IDTA)',
    packageText: (country) =>
      `transferred to ${country} under the UK International Data Transfer Agreement (UK GDPR Art. 46(2)(d); Data Protection Act 2018 s.119A)`,
    source: '[S] UK GDPR Art. 46(2)(d); DPA 2018 s.119A',
  },
  uk_addendum: {
    label: 'UK Addendum to the EU standard contractual clauses',
    packageText: (country) =>
      `transferred to ${country} under the European Commission's standard contractual clauses with the UK International Data Transfer Addendum (GDPR Art. 46(2)(c); UK GDPR Art. 46(2)(d))`,
    source: '[S] UK GDPR Art. 46(2)(d); DPA 2018 s.119A',
  },
  bcrs: {
    label: 'Binding corporate rules',
    packageText: (country) => `transferred to ${country} under binding corporate rules (GDPR Art. 46(2)(b), 47)`,
    source: '[S] GDPR Art. 46(2)(b), 47',
  },
  derogation: {
    label: 'Derogation for a specific situation (Art. 49)',
    packageText: (country) =>
      `transferred to ${country} under a derogation for specific situations (GDPR Art. 49), such as your explicit consent or the performance of a contract with you, without an adequacy decision or contractual safeguard`,
    source: '[S] GDPR Art. 49(1)',
  },
  none: {
    label: 'None: transferred without a safeguard',
    packageText: (country) => `transferred to ${country} without an adequacy decision or an Art. 46 safeguard`,
    source: '[policy] the inventory states it as it is',
  },
};

/** One system's or recipient's transfer, as the package says it; one with nothing recorded says so. */
export function transferSentence(system: {
  name: string;
  transferSafeguard: TransferSafeguard | null;
  transferCountry: string | null;
}) {
  if (!system.transferSafeguard)
    return `${system.name}: not yet recorded in our inventory; ask us and we will tell you.`;
  const country = system.transferCountry || 'another country';
  return `${system.name}: ${TRANSFER_SAFEGUARD_RULES[system.transferSafeguard].packageText(country)}.`;
}
