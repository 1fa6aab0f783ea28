import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITABLE_TEMPLATES, LOCKED_MESSAGES, STANDARD_MESSAGES_TEMPLATE } from '../templates/editable-templates';
import { CATALOGS } from '../i18n/catalogs';
import { templates } from './templates';

/** The catalog keys a template's file uses, read from its source. */
const keysIn = (name: string) =>
  [...readFileSync(path.resolve('emails', `${name}.tsx`), 'utf8').matchAll(/'((?:email)\.[A-Za-z.]+)'/g)]
    .map((m) => m[1])
    .sort();

describe('the editable templates', () => {
  const emails = EDITABLE_TEMPLATES.filter((t) => t.name !== STANDARD_MESSAGES_TEMPLATE);

  it('list every requester email, and each exists', () => {
    const staffOnly = ['staff-digest', 'staff-sign-in', 'staff-notice'];
    expect(emails.map((t) => t.name).sort()).toEqual(
      Object.keys(templates)
        .filter((name) => !staffOnly.includes(name))
        .sort(),
    );
  });

  for (const template of emails)
    it(`${template.name}: lists exactly the messages its file uses`, () => {
      expect([...new Set(template.keys)].sort()).toEqual([...new Set(keysIn(template.name))]);
    });

  it('locks only messages that exist, and the standard messages exist in English', () => {
    for (const { key } of LOCKED_MESSAGES) expect(CATALOGS.en[key], key).toBeTruthy();
    const standard = EDITABLE_TEMPLATES.find((t) => t.name === STANDARD_MESSAGES_TEMPLATE)!;
    for (const key of standard.keys) expect(CATALOGS.en[key], key).toBeTruthy();
  });
});
