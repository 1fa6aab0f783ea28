/**
 * The information Art. 15(1)-(2) GDPR says comes with a copy of the data, generated from the data
 * inventory, and the package's README in plain language: what each file is.
 */
import { packageRetention } from '../retention-criteria';
import { transferSentence, type TransferSafeguard } from '../transfer-safeguards';
import { withheldSentence, type WithheldCount } from '../redaction/reasons';

export type InventoryForPackage = {
  key: string;
  name: string;
  transferSafeguard: TransferSafeguard | null;
  transferCountry: string | null;
  categories: {
    name: string;
    purposes: string[];
    legalBasis: string;
    recipients: string[];
    retention: string;
    /** Null until an admin confirms the period: the package then gives the policy's criteria. */
    retentionConfirmedAt: Date | null;
    source: string;
  }[];
}[];

/** The inventory's active recipients, with the transfer each receives (Art. 15(2)). */
export type RecipientsForPackage = {
  name: string;
  transferSafeguard: TransferSafeguard | null;
  transferCountry: string | null;
}[];

export type PackageFile = { system: string; systemName: string; dataset: string; rows: number };

export function supplementaryInformation(options: {
  company: string;
  contactEmail: string;
  inventory: InventoryForPackage;
  recipients?: RecipientsForPackage;
}) {
  const lines: string[] = [];
  lines.push('ABOUT YOUR DATA (Art. 15 GDPR supplementary information)', '');
  lines.push(`Who we are: ${options.company}, contact ${options.contactEmail}.`, '');
  for (const system of options.inventory) {
    for (const c of system.categories) {
      lines.push(`${c.name} (held in: ${system.name})`);
      lines.push(`  Why we use it (purposes): ${c.purposes.join('; ')}`);
      lines.push(`  Legal basis: ${c.legalBasis}`);
      lines.push(
        `  Who receives it (recipients): ${c.recipients.length ? c.recipients.join('; ') : 'nobody outside Bitstride'}`,
      );
      lines.push(`  How long we keep it (retention): ${packageRetention(c)}`);
      lines.push(`  Where it comes from (source): ${c.source}`);
      lines.push('');
    }
  }
  // Art. 15(2): the safeguard each transfer actually relies on, as the inventory records it.
  lines.push('Transfers to other countries, and the safeguard each relies on (Art. 15(2) GDPR):');
  for (const system of options.inventory) lines.push(`  ${transferSentence(system)}`);
  const recipients = options.recipients ?? [];
  if (recipients.length) {
    // Each recipient's own safeguard, where it receives the data (a field per recipient in the inventory).
    lines.push('  Recipients outside Bitstride:');
    for (const recipient of recipients) lines.push(`    ${transferSentence(recipient)}`);
  }
  lines.push('');
  lines.push(
    'Automated decisions: we do not make decisions about you based solely on automated processing that have legal or similarly significant effects.',
  );
  lines.push(
    'Your rights: you may ask us to correct, delete or restrict your data, object to its use, and receive it in a machine-readable format. You may complain to a data protection supervisory authority.',
  );
  lines.push(`To exercise these rights, reply to our email or write to ${options.contactEmail}.`);
  return lines.join('\n') + '\n';
}

export function packageReadme(options: {
  company: string;
  reference: string;
  files: PackageFile[];
  attachments: { system: string; fileName: string }[];
  withheld?: WithheldCount[];
}) {
  const lines: string[] = [];
  lines.push(`YOUR DATA FROM ${options.company.toUpperCase()} (request ${options.reference})`, '');
  lines.push(
    'This package holds a copy of the personal data we found about you. There is one folder per system that holds data.',
  );
  lines.push('Each data set comes twice, with the same content:');
  lines.push('  - a .json file, for programs and for moving your data to another service;');
  lines.push('  - a .csv file, which opens in a spreadsheet (Excel, Numbers, LibreOffice).');
  lines.push('');
  lines.push('What each file is:');
  for (const f of options.files) {
    lines.push(
      `  ${f.system}/${f.dataset}.json and ${f.system}/${f.dataset}.csv: ${f.dataset.replace(/_/g, ' ')} from ${f.systemName} (${f.rows} record${f.rows === 1 ? '' : 's'})`,
    );
  }
  for (const a of options.attachments)
    lines.push(`  ${a.system}/files/${a.fileName}: a document our team attached while collecting your data`);
  lines.push(
    '  supplementary-information.txt: why we use your data, on what basis, who receives it, how long we keep it, where it comes from, and your rights (the information Art. 15 GDPR requires).',
  );
  lines.push('');
  const withheld = options.withheld ?? [];
  if (withheld.length) {
    // Art. 15(4): the requester learns how much was withheld and why, never what.
    lines.push('What we withheld:');
    for (const w of withheld) lines.push(`  ${w.dataset}: ${withheldSentence(w.count, w.reason)}.`);
    lines.push('');
  }
  lines.push('If something looks wrong or missing, tell us and we will correct it.');
  return lines.join('\n') + '\n';
}
