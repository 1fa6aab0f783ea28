/** A collected data set (NDJSON in storage) as the JSON array and the CSV the package carries, streamed row by row. */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { csvLine } from '../../csv';
import type { RowFormat } from '../redaction/redact-ndjson';
import { parseDatasetLine } from '../dataset-line';

/** The non-blank lines, each with its number in the file. */
async function* numberedLines(source: Readable): AsyncGenerator<{ text: string; line: number }> {
  let line = 0;
  for await (const text of createInterface({ input: source, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim()) yield { text, line };
  }
}

async function* rows(source: Readable, dataset: string): AsyncGenerator<Record<string, unknown>> {
  for await (const { text, line } of numberedLines(source)) yield parseDatasetLine(text, { dataset, line });
}

/**
 * Gathers small pieces into chunks of about 64 KB: a yield per row costs more than the row's
 * conversion (a promise and a stream push each), and a chunk still keeps memory flat.
 */
async function* inChunks(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer: string[] = [];
  let size = 0;
  for await (const piece of pieces) {
    buffer.push(piece);
    size += piece.length;
    if (size >= 65_536) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  if (buffer.length) yield buffer.join('');
}

/**
 * A JSON array, pretty enough to read, one row per line. The stored lines are JSON written by our
 * own connectors, so they are copied as they are rather than parsed and printed again.
 */
export function ndjsonToJson(source: Readable): AsyncGenerator<string> {
  return inChunks(
    (async function* () {
      let first = true;
      yield '[\n';
      for await (const { text } of numberedLines(source)) {
        yield `${first ? '' : ',\n'}  ${text.trim()}`;
        first = false;
      }
      yield first ? ']\n' : '\n]\n';
    })(),
  );
}

/** CSV with a header row (`csvFormat`). `dataset` names the data set in the error a bad line raises. */
export function ndjsonToCsv(source: Readable, options: { dataset?: string } = {}): AsyncGenerator<string> {
  return rowsToCsv(rows(source, options.dataset ?? 'data set'));
}

/**
 * The JSON entry, as `ndjsonToJson` writes it, for the redaction Transform (one string per chunk of rows). A line that holds a carriage return (JSON allows one
 * between tokens) counts as two lines there, as a line reader reads it; so it does here.
 */
export function jsonArrayFormat(): RowFormat {
  let first = true;
  const one = (text: string) => {
    const out = `${first ? '' : ',\n'}  ${text}`;
    first = false;
    return out;
  };
  return {
    takes: 'text',
    start: () => '[\n',
    line(text) {
      if (!text.includes('\r')) return one(text);
      let out = '';
      for (const piece of text.split('\r')) if (piece.trim()) out += one(piece.trim());
      return out;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/**
 * The CSV entry, as `ndjsonToCsv` writes it. Columns are those of the first row, and any later new
 * column is appended at the end of its line under an `extra` header: rows stay streamed, never all held.
 */
export function csvFormat(): RowFormat {
  let columns: string[] | null = null;
  return {
    takes: 'row',
    start: () => '',
    row(row) {
      let out = '';
      if (!columns) {
        columns = Object.keys(row);
        out = csvLine(columns);
      }
      const known = columns.map((c) => row[c]);
      const keys = Object.keys(row);
      // Most rows have the first row's columns in its order: no new column to look for.
      if (keys.length === columns.length && keys.every((k, i) => k === columns![i])) return out + csvLine(known);
      const extra = keys
        .filter((k) => !columns!.includes(k))
        .map((k) => `${k}=${typeof row[k] === 'object' ? JSON.stringify(row[k]) : String(row[k])}`);
      return out + csvLine([...known, ...extra]);
    },
    end: () => (columns ? '' : '\r\n'),
  };
}

function rowsToCsv(source: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
  return inChunks(
    (async function* () {
      const csv = csvFormat() as Extract<RowFormat, { takes: 'row' }>;
      for await (const row of source) yield csv.row(row);
      yield csv.end();
    })(),
  );
}
