/**
 * The Transform the package build puts between a stored data set (NDJSON) and its JSON and CSV
 * converters: it reads line by line, drops withheld rows and masks withheld values, and writes
 * NDJSON again. Only the current chunk's lines are ever held, so memory stays flat for any size.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import type { Redactor } from './redactor';

export class RedactNdjson extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private tail = '';
  private rowNumber = 0;

  constructor(private readonly redactor: Redactor) {
    super();
  }

  private lines(text: string): string {
    const out: string[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      this.rowNumber += 1;
      const { row, dropped } = this.redactor.apply(JSON.parse(line) as Record<string, unknown>, this.rowNumber);
      if (!dropped) out.push(JSON.stringify(row));
    }
    return out.length ? `${out.join('\n')}\n` : '';
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
      const out = this.lines(this.tail + this.decoder.end());
      done(null, out || undefined);
    } catch (error) {
      done(error as Error);
    }
  }
}
