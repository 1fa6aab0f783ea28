/**
 * The redaction the package build streams must give the same bytes as the implementation kept in
 * `tests/support/redaction-oracle/` (the one before rows were redacted in one pass per value): the
 * JSON and CSV entries, the counts by reason in the same order, and a failure where it failed. The
 * failure's words differ on purpose: the oracle's was JSON.parse's, which quotes the row; the build's
 * names the data set and the line only.
 */
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RedactNdjson as OracleRedactNdjson } from '../support/redaction-oracle/redact-ndjson';
import { compileRedactor as oracleCompile } from '../support/redaction-oracle/redactor';
import { ndjsonToJson, rowBatchesToCsv } from '../support/redaction-oracle/dataset-formats';
import { csvFormat, jsonArrayFormat } from '../../lib/fulfilment/package/dataset-formats';
import { RedactNdjson } from '../../lib/fulfilment/redaction/redact-ndjson';
import { compileRedactor, PatternMemo, type RedactionRule } from '../../lib/fulfilment/redaction/redactor';

type Outcome = { ndjson: string; json: string; csv: string; counts: string; error: string | null };

async function text(source: AsyncIterable<unknown>) {
  let out = '';
  for await (const piece of source) out += String(piece);
  return out;
}

type Entries = (
  rules: RedactionRule[],
  chunks: Buffer[],
) => { ndjson: Readable; json: Readable; csv: Readable; counts: Map<string, number> };
const options = { requesterEmails: ['Req.Uester@Example.com', 'bench@example.com'] };

/** The previous pipeline: NDJSON out of the Transform, then the converters (a line reader, a row per promise). */
const oracleEntries: Entries = (rules, chunks) => {
  const counted = oracleCompile(rules, options);
  const redact = (redactor: ReturnType<typeof oracleCompile>, output?: 'rows') => {
    const transform = new OracleRedactNdjson(redactor, { output });
    // The line reader does not pass its input's error on: observed here, seen as the NDJSON entry's.
    transform.on('error', () => {});
    return Readable.from(chunks).pipe(transform);
  };
  return {
    ndjson: redact(oracleCompile(rules, options)),
    json: Readable.from(ndjsonToJson(redact(counted))),
    csv: Readable.from(rowBatchesToCsv(redact(oracleCompile(rules, options), 'rows'))),
    counts: counted.counts,
  };
};

/**
 * The build's, as `datasetEntries` wires it: the Transform writes each entry's format itself, and the
 * CSV entry skips the patterns of the rows the JSON entry found clean.
 */
const currentEntries: Entries = (rules, chunks) => {
  const memo = new PatternMemo();
  const counted = compileRedactor(rules, { ...options, memo: { memo, role: 'record' } });
  const csvRedactor = compileRedactor(rules, { ...options, memo: { memo, role: 'reuse' } });
  return {
    ndjson: Readable.from(chunks).pipe(new RedactNdjson(compileRedactor(rules, options))),
    json: Readable.from(chunks).pipe(new RedactNdjson(counted, jsonArrayFormat())),
    // Started when read, after the JSON entry, as the archive reads a large data set: the memo is complete.
    csv: Readable.from(
      (async function* () {
        yield* Readable.from(chunks).pipe(new RedactNdjson(csvRedactor, csvFormat()));
      })(),
    ),
    counts: counted.counts,
  };
};

/** One data set into the package's JSON and CSV entries (and plain NDJSON), entry after entry as the archive reads them. */
async function build(entries: Entries, rules: RedactionRule[], chunks: Buffer[]): Promise<Outcome> {
  const e = entries(rules, chunks);
  // A failing data set fails each entry; the ones not read yet must not fail the run unobserved.
  for (const entry of [e.ndjson, e.json, e.csv]) entry.on('error', () => {});
  try {
    const ndjson = await text(e.ndjson);
    const json = await text(e.json);
    const csv = await text(e.csv);
    return { ndjson, json, csv, counts: JSON.stringify([...e.counts]), error: null };
  } catch (error) {
    return { ndjson: '', json: '', csv: '', counts: '', error: String(error) };
  }
}

async function expectSameAsOracle(rules: RedactionRule[], chunks: Buffer[]) {
  const oracle = await build(oracleEntries, rules, chunks);
  const current = await build(currentEntries, rules, chunks);
  expect({ ...current, error: current.error && 'failed' }).toEqual({ ...oracle, error: oracle.error && 'failed' });
  return current;
}

/** The bytes cut at every `step` bytes: multi-byte characters and CRLF end up split across chunks. */
function cut(bytes: Buffer, step: number) {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += step) chunks.push(bytes.subarray(at, at + step));
  return chunks;
}

const pattern = (target: string, regex: string | null = null, reason: RedactionRule['reason'] = 'third_party') =>
  ({ kind: 'pattern', target, regex, reason }) as RedactionRule;
const field = (target: string): RedactionRule => ({ kind: 'field', target, regex: null, reason: 'third_party' });
const row = (target: string): RedactionRule => ({ kind: 'row', target, regex: null, reason: 'trade_secret' });

const ALL_PATTERNS = [
  pattern('email'),
  pattern('phone'),
  pattern('secret', null, 'security'),
  pattern('regex', 'ticket-[0-9]{6}'),
];
const RULE_SETS: [string, RedactionRule[]][] = [
  ['the bench rules', [...ALL_PATTERNS, field('at'), row('10')]],
  ['patterns only', ALL_PATTERNS],
  ['one email pattern', [pattern('email')]],
  ['fields only', [field('note'), field('missing'), field('toString'), field('n')]],
  ['rows by text', [row('Alice'), row('4155550132'), pattern('email')]],
  [
    'a custom expression that rewrites its own mark',
    [pattern('regex', '\\[withheld\\]'), pattern('email'), field('note')],
  ],
  [
    'patterns in another order',
    [pattern('secret', null, 'security'), pattern('regex', 'with'), pattern('phone'), pattern('email')],
  ],
];

const BIG = `${'call +1 (415) 555-0132 or mail x.y@corp.example '.repeat(6_000)}${'é😀'.repeat(20_000)}`;
/** Lines as the connectors store them and as other sources may: canonical or not, odd, large. */
const TRICKY_LINES = [
  '{"id":1,"email":"bench@example.com","at":"2026-12-03T07:45:56.123456+00:00","payload":"d41d8cd98f00b204e9800998ecf8427ed41d8cd98f00b204"}',
  '{"id":2,"email":"REQ.UESTER@example.COM","note":"cc other@example.net, Req.Uester@Example.com","n":4155550132}',
  '{"note":"=HYPERLINK(\\"http://x\\")","a":"+1 415 555 0132","b":"-2+3","c":"@SUM(A1)","d":"\\ttab","e":"\\rret"}',
  '{"note":"Zoë 😀 at zoë@例え.jp, ring 020 7946 0958 on 2026-03-04 10:30","x":"ticket-123456 ticket-12345"}',
  '{"nested":{"p":"+44 20 7946 0958","list":["sk_live_abcdefgh12345678",{"q":"ghp_abcdefghijklmnopqrstuv12"}]},"note":null}',
  '{ "spaced" : "no phone 12345" , "num": 1.0, "exp": 1e2, "esc": "\\u0041\\/b", "note": "" }',
  '{"2":"index key","b":"x@y.example","1":"first","__proto__":"own","dup":"one","dup":"two x@y.example"}',
  '{"toString":"own toString","note":"Bearer abcdefghijklmnop.qrstuvwx","at":null}',
  '{"a":"[withheld] already","b":"with[withheld]held","Alice":"key only"}',
  '{ "a" : "[withheld]", "n": 1.50 }',
  '{"a":"kept as stored",\r"b":2}',
  '{"a":"x@y.example",\r\r"b":2}',
  '{"a":"Alice in text","b":"row dropped by its text"}',
  '{"digits":"12345678901234567890 123456789 (555) 123-4567 555.123.4567 +(555)1234567"}',
  '{"dates":"2026-03-04 10:30:00 and 2026-03-04T10:30 and 20260304103000"}',
  `{"big":"${BIG}","at":"2026-01-01"}`,
  '{"a":true,"b":false,"c":null,"d":-0,"e":12345678901234567890}',
];

function datasetBytes(lines: string[], eol: string) {
  return Buffer.from(`${lines.join(eol)}${eol}`, 'utf8');
}

describe('redaction while streaming matches the previous implementation byte for byte', () => {
  for (const [name, rules] of RULE_SETS) {
    it(`${name}: tricky lines, LF and CRLF, blank lines, cut at every size`, async () => {
      for (const eol of ['\n', '\r\n']) {
        const bytes = datasetBytes(['', ...TRICKY_LINES.slice(0, 6), '   ', ...TRICKY_LINES.slice(6)], eol);
        for (const step of [1, 2, 3, 7, 4096, 65_536, bytes.length]) {
          // One byte at a time is slow over the 500 KB line: the small cuts go over the small lines only.
          const input =
            step < 4096
              ? datasetBytes(
                  TRICKY_LINES.filter((l) => l.length < 1000),
                  eol,
                )
              : bytes;
          expect((await expectSameAsOracle(rules, cut(input, step))).error).toBeNull();
        }
      }
    }, 120_000);
  }

  it('invalid UTF-8 (stray bytes, a sequence cut short, at a chunk edge) is read the same way', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":"x@y.example \xff ok","b":"'),
      Buffer.from([0xe2, 0x82]), // the start of a 3-byte character, never finished
      Buffer.from('"}\n{"a":"'),
      Buffer.from([0xf0, 0x9f, 0x98]),
      Buffer.from(' 415 555 0132"}\n', 'utf8'),
    ]);
    for (const [, rules] of RULE_SETS)
      for (const step of [1, 2, 5, bytes.length])
        expect((await expectSameAsOracle(rules, cut(bytes, step))).error).toBeNull();
  });

  it('a line that is JSON but not an object (array, text, number, null) gives the same outcome', async () => {
    const lines = ['[1,"+1 415 555 0132",{"x":"a@b.example"}]', '"a bare text with a@b.example"', '42', 'null'];
    for (const [, rules] of RULE_SETS)
      for (const line of lines) await expectSameAsOracle(rules, [Buffer.from(`{"a":"x@y.example"}\n${line}\n`)]);
  });

  it('a line that is not JSON fails the same way, a last line without its newline is read', async () => {
    for (const [, rules] of RULE_SETS) {
      const failed = await expectSameAsOracle(rules, [Buffer.from('{"a":1}\n{"a":\n{"b":2}\n')]);
      expect(failed.error).toBe('DatasetLineError: Data set data set: line 2 is not valid JSON');
      await expectSameAsOracle(rules, [Buffer.from('{"a":"x@y.example"}\n{"a":"415 555 0132"}')]);
    }
  });

  it('random rows and rules: the same output and counts', async () => {
    const alphabet = fc.constantFrom(
      ...'0123456789 .-()+@_abcXYZ',
      'é',
      '😀',
      '\n',
      '"',
      '\\',
      'x@y.example',
      'sk_live_',
      'Bearer ',
      'ghp_',
      '[withheld]',
      'ticket-',
      '2026-03-04 ',
      'Req.Uester@Example.com',
    );
    const textValue = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));
    const value = fc.oneof(
      textValue,
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(textValue, { maxLength: 3 }),
    );
    const rowValue = fc.dictionary(fc.constantFrom('a', 'b', 'note', 'at', '7', 'toString'), value, { maxKeys: 5 });
    const rule = fc.oneof(
      fc.constantFrom('email', 'phone', 'secret').map((t) => pattern(t)),
      fc.constantFrom('ticket-[0-9]+', '\\[withheld\\]', '[0-9]{3}', 'é+').map((r) => pattern('regex', r)),
      fc.constantFrom('a', 'note', 'at', 'toString', 'missing').map(field),
      fc.constantFrom('1', '3', 'x@y', '555').map(row),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowValue, { maxLength: 12 }),
        fc.array(rule, { maxLength: 6 }),
        fc.integer({ min: 1, max: 64 }),
        async (rows, rules, step) => {
          const bytes = Buffer.from(rows.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
          expect((await expectSameAsOracle(rules, cut(bytes, step))).error).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});
