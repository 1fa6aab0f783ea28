import type { Readable } from 'node:stream';

/**
 * Where the encrypted bytes go. A driver sees only ciphertext and keys already checked by
 * lib/storage/storage.ts; it never encrypts, decrypts or validates.
 */
export interface StorageDriver {
  /**
   * Stores the stream under `key`. The object becomes visible only once the stream ended cleanly.
   * With `abortEarlierUploads`, a successful write also discards what earlier writers of the same
   * key left unfinished (a process killed mid-upload), where the driver can leave such remains.
   */
  write(key: string, body: Readable, options?: { abortEarlierUploads?: boolean }): Promise<void>;
  /** The stored bytes; the stream errors if the object is missing or the read fails. */
  read(key: string): Readable;
  /** The stored size in bytes, or null when there is no such object. */
  size(key: string): Promise<number | null>;
  /** Deletes one object; deleting a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Deletes every object whose key starts with `folder` + "/". */
  removeFolder(folder: string): Promise<void>;
}
