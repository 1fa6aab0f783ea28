/**
 * The Transform the package build puts between a stored data set (NDJSON) and its JSON and CSV
 * converters: it reads line by line, drops withheld rows and masks withheld values, and writes
 * NDJSON again (for the JSON entry) or batches of the parsed rows (`rows`, for the CSV entry, which
 * would otherwise parse every line a second time). Only the current chunk's lines are ever held,
 * so memory stays flat for any size.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { parseDatasetLine } from '../dataset-line';
import type { Redactor } from './redactor';

export class RedactNdjson extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private tail = '';
  private rowNumber = 0;
  private lineNumber = 0;

  private readonly rows: boolean;
  private readonly dataset: string;

  /** `dataset` names the data set in the error a bad line raises. */
  constructor(
    private readonly redactor: Redactor,
    options: { output?: 'ndjson' | 'rows'; dataset?: string } = {},
  ) {
    super({ readableObjectMode: options.output === 'rows' });
    this.rows = options.output === 'rows';
    this.dataset = options.dataset ?? 'data set';
  }

  private lines(text: string): string | Record<string, unknown>[] | undefined {
    const rows: Record<string, unknown>[] = [];
    const lines: string[] = [];
    for (const line of text.split('\n')) {
      this.lineNumber += 1;
      if (!line.trim()) continue;
      this.rowNumber += 1;
      const parsed = parseDatasetLine(line, { dataset: this.dataset, line: this.lineNumber });
      const { row, dropped } = this.redactor.apply(parsed, this.rowNumber);
      if (dropped) continue;
      if (this.rows) rows.push(row);
      // A row nothing touched keeps its stored line: no need to print it again.
      else lines.push(row === parsed ? line.trim() : JSON.stringify(row));
    }
    if (this.rows) return rows.length ? rows : undefined;
    return lines.length ? `${lines.join('\n')}\n` : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    try {
      const text = this.tail + this.decoder.write(chunk);
      const end = text.lastIndexOf('\n');
      this.tail = end === -1 ? text : text.slice(end + 1);
      done(null, end === -1 ? undefined : this.lines(text.slice(0, end)));
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback) {
    try {
      done(null, this.lines(this.tail + this.decoder.end()));
    } catch (error) {
      done(error as Error);
    }
  }
}
