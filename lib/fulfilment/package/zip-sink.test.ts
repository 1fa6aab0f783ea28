import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { createZipSink } from './zip-sink';

describe('createZipSink', () => {
  it.each(['before the output is read', 'while it is read', 'after the archive reached it'])(
    'an entry that fails %s fails the archive',
    async (when) => {
      const zip = createZipSink();
      const failing = new Readable({ read() {} });
      zip.add('a.txt', Readable.from(['a']));
      zip.add('b.txt', failing);
      zip.add('c.txt', Readable.from(['c']));
      zip.end();
      const fail = () => failing.destroy(new Error('storage went away'));
      if (when === 'before the output is read') {
        fail();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const reading = text(zip.output);
      if (when === 'while it is read') fail();
      if (when === 'after the archive reached it') setTimeout(fail, 20);
      await expect(reading).rejects.toThrow('storage went away');
    },
  );
});
