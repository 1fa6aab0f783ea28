/**
 * The one CSV writer (RFC 4180) of every export: the audit log, the §7101 records, the §7102 report
 * and the data sets of a data package.
 */

/**
 * One field: dates as ISO 8601, objects as JSON, quoted when needed. A field starting with = + - @
 * tab or carriage return gets a leading apostrophe, so a spreadsheet never runs it as a formula.
 */
export function csvField(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return needsQuotes(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `/[",\n\r]/.test(text)`, a few times faster on long texts: a data package's fields run through it. */
function needsQuotes(text: string): boolean {
  return text.includes('"') || text.includes(',') || text.includes('\n') || text.includes('\r');
}

/** One line of fields, ending in CRLF. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
