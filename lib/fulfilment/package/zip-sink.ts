/**
 * The streaming ZIP writer the package builder writes into: entries are added as streams and read
 * one after another; the archive comes out of `output` as it is produced, never whole in memory.
 *
 * Backed by a maintained library (yazl: streaming, ZIP64, no native code), which this build does
 * not include yet: until it is installed, building a package fails visibly with this message.
 */
import type { Readable } from 'node:stream';

export interface ZipSink {
  /** Queues an entry; its content is read only when the archive reaches it. */
  add(name: string, content: Readable): void;
  /** No more entries: the archive's central directory follows the last one. */
  end(): void;
  readonly output: Readable;
}

export class ZipUnavailableError extends Error {
  constructor() {
    super('Building data packages needs the `yazl` package (npm install yazl @types/yazl), which this build does not include.');
    this.name = 'ZipUnavailableError';
  }
}

export function createZipSink(): ZipSink {
  throw new ZipUnavailableError();
}
