/** The default driver: files under a local folder, written to `<key>.partial` and renamed when complete. */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageDriver } from './storage-driver';

export function localStorage(folder: string): StorageDriver {
  const file = (key: string) => path.resolve(folder, key);
  return {
    async write(key, body) {
      const target = file(key);
      const partial = `${target}.partial`;
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await pipeline(body, createWriteStream(partial));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      await rename(partial, target);
    },
    read: (key) => createReadStream(file(key)),
    size: (key) =>
      stat(file(key)).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      ),
    remove: (key) => rm(file(key), { force: true }),
    removeFolder: (folder) => rm(file(folder), { recursive: true, force: true }),
  };
}
