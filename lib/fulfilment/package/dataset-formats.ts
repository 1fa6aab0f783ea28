/** A collected data set (NDJSON in storage) as the JSON array and the CSV the package carries, streamed row by row. */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

async function* rows(source: Readable): AsyncGenerator<Record<string, unknown>> {
  for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
    if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
  }
}

/** A JSON array, pretty enough to read, one row per line. */
export async function* ndjsonToJson(source: Readable): AsyncGenerator<string> {
  let first = true;
  yield '[\n';
  for await (const row of rows(source)) {
    yield `${first ? '' : ',\n'}  ${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Quote when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV with a header row. Columns are those of the first row, and any later new column is appended
 * at the end of its line under an `extra` header: rows stay streamed, never all held.
 */
export async function* ndjsonToCsv(source: Readable): AsyncGenerator<string> {
  let columns: string[] | null = null;
  for await (const row of rows(source)) {
    if (!columns) {
      columns = Object.keys(row);
      yield `${columns.map(csvCell).join(',')}\r\n`;
    }
    const known = columns.map((c) => csvCell(row[c]));
    const extra = Object.keys(row).filter((k) => !columns!.includes(k)).map((k) => csvCell(`${k}=${typeof row[k] === 'object' ? JSON.stringify(row[k]) : String(row[k])}`));
    yield `${[...known, ...extra].join(',')}\r\n`;
  }
  if (!columns) yield '\r\n';
}
