/**
 * crc-32's API (https://github.com/SheetJS/js-crc32, the package archiver's ZIP writer uses for
 * every entry's checksum), answered by Node's zlib.crc32 (Node >= 20.15), which is native. Profiling a
 * package build with redaction rules, crc-32 took a quarter of the main thread's time, zlib's under
 * 2 %; 1 GB checksummed in 64 KiB pieces: 0.67 s against 0.17 s (docs/benchmarks.md).
 * package.json's `overrides` puts this in place of crc-32. Results are crc-32's: signed 32-bit
 * integers, seeds accepted signed or unsigned.
 */
const zlib = require('node:zlib');

const seedOf = (seed) => (seed === undefined ? 0 : seed >>> 0);

/** zlib answers 0 for no bytes whatever the seed (its null-buffer case); crc-32 answers the seed. */
function crc(data, seed) {
  return data.length === 0 ? seedOf(seed) | 0 : zlib.crc32(data, seedOf(seed)) | 0;
}

/** Bytes (Buffer, Uint8Array or an array of byte values). */
function buf(bytes, seed) {
  const data = Buffer.isBuffer(bytes) || bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
  return crc(data, seed);
}

/** A binary string: one byte per character. */
function bstr(text, seed) {
  return crc(Buffer.from(text, 'latin1'), seed);
}

/** A JavaScript string, checksummed as UTF-8 (a lone surrogate as U+FFFD, as Node encodes it; crc-32 differs there). */
function str(text, seed) {
  return crc(Buffer.from(text, 'utf8'), seed);
}

module.exports = { version: '1.2.2-zlib.1', buf, bstr, str };
