/**
 * The Transform the package build puts between a stored data set (NDJSON) and a package entry: it
 * reads line by line, drops withheld rows, masks withheld values and writes each kept row through
 * the entry's format (the JSON array or the CSV; NDJSON when none is given), a chunk of rows as one
 * string. Only the current chunk's lines are ever held, so memory stays flat for any size.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { parseDatasetLine } from '../dataset-line';
import type { Redactor } from './redactor';

/** How kept rows are written: from the row's JSON line (`text`) or from the parsed row (`row`). */
export type RowFormat =
  | { readonly takes: 'text'; start(): string; line(text: string): string; end(): string }
  | { readonly takes: 'row'; start(): string; row(row: Record<string, unknown>): string; end(): string };

const NDJSON: RowFormat = { takes: 'text', start: () => '', line: (text) => `${text}\n`, end: () => '' };

export class RedactNdjson extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private tail = '';
  private rowNumber = 0;
  private lineNumber = 0;
  private started = false;
  private readonly dataset: string;

  /** `dataset` names the data set in the error a bad line raises. */
  constructor(
    private readonly redactor: Redactor,
    private readonly format: RowFormat = NDJSON,
    options: { dataset?: string } = {},
  ) {
    super();
    this.dataset = options.dataset ?? 'data set';
  }

  private lines(text: string): string {
    const format = this.format;
    let out = '';
    if (!this.started) {
      this.started = true;
      out = format.start();
    }
    for (const line of text.split('\n')) {
      this.lineNumber += 1;
      if (!line.trim()) continue;
      this.rowNumber += 1;
      const parsed = parseDatasetLine(line, { dataset: this.dataset, line: this.lineNumber });
      const { row, dropped } = this.redactor.apply(parsed, this.rowNumber);
      if (dropped) continue;
      if (format.takes === 'row') out += format.row(row);
      // A row nothing touched keeps its stored line: no need to print it again.
      else out += format.line(row === parsed ? line.trim() : JSON.stringify(row));
    }
    return out;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    try {
      const text = this.tail + this.decoder.write(chunk);
      const end = text.lastIndexOf('\n');
      this.tail = end === -1 ? text : text.slice(end + 1);
      const out = end === -1 ? '' : this.lines(text.slice(0, end));
      done(null, out || undefined);
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback) {
    try {
      done(null, this.lines(this.tail + this.decoder.end()) + this.format.end() || undefined);
    } catch (error) {
      done(error as Error);
    }
  }
}
