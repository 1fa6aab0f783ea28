/**
 * The streaming ZIP writer the package builder writes into: entries are added as streams and read
 * one after another; the archive comes out of `output` as it is produced, never whole in memory.
 * Backed by archiver (maintained, streaming, ZIP64 for large packages, no native code).
 */
import type { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';

export interface ZipSink {
  /** Queues an entry; its content is read only when the archive reaches it, and its failure fails the archive. */
  add(name: string, content: Readable): void;
  /** No more entries: the archive's central directory follows the last one. */
  end(): void;
  readonly output: Readable;
}

export function createZipSink(): ZipSink {
  // Level 6: most of a package is JSON and CSV, which compresses well at a modest CPU cost.
  const archive = new ZipArchive({ zlib: { level: 6 }, forceZip64: false });
  // An entry can fail before anyone reads `output` (the archive reads ahead): the failure stays on
  // the destroyed stream, and whoever reads it later gets it, instead of an uncaught 'error' now.
  archive.on('error', () => {});
  return {
    add: (name, content) => {
      // archiver reads an entry through a PassThrough of its own, which does not carry the entry's
      // errors: without this a failing entry is an uncaught 'error' (the process ends) and the archive
      // waits for it forever. Failing the archive fails whoever stores it.
      content.on('error', (error) => archive.destroy(error));
      archive.append(content, { name });
    },
    end: () => void archive.finalize(),
    output: archive,
  };
}
