import { describe, expect, it } from 'vitest';
import { LOCALES, PSEUDO_LOCALE } from '@/lib/universal/i18n/locales';
import { renderEmail } from './enqueue-email';
import { type TemplateName, templates } from './templates';

type Previewable = { PreviewProps?: Record<string, unknown> };

/** The requester's emails whose every word comes from the catalogs. */
const TRANSLATED: TemplateName[] = [
  'verify-request',
  'request-received',
  'verification-reminder',
  'request-acknowledged',
  'request-withdrawn',
  'download-link',
  'appeal-received',
  'complaint-received',
  'complaint-resolved',
  'requester-message',
  'prove-account-email',
  'agent-status-link',
  'deadline-extended',
  'agent-not-authorized',
  'opt-out-received',
  'stronger-proof-requested',
  'appeal-extended',
  'request-decided',
  'appeal-decided',
  'request-not-verified',
];
/** Staff emails: the workspace is English. */
const STAFF: TemplateName[] = ['staff-digest', 'staff-sign-in', 'staff-notice'];

/** Runs of three or more plain ASCII words: English that did not come from the pseudo-locale's catalog. */
const englishLeft = (text: string) =>
  text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\bBR-\d{4}-\d{6}\b/g, ' ')
    .replace(/\bBitstride\b/g, ' ')
    .match(/\b[A-Za-z]{2,}(?:[ ,.'’:;-]+[A-Za-z]{2,}){2,}\b/g) ?? [];

const previewOf = (name: TemplateName) => (templates[name].component as Previewable).PreviewProps ?? {};

/** What staff wrote goes out as written: it is not the template's text. */
const withoutStaffText = (name: TemplateName, text: string) => {
  // Staff's words go out as written (the reason and the regime's notices are phrases, worded in the reader's language).
  const { message, reason, reasonLabel, notices } = previewOf(name);
  const given = [message, reason, reasonLabel, ...(Array.isArray(notices) ? notices : [])];
  return given.reduce<string>((out, staff) => (typeof staff === 'string' ? out.replace(staff, ' ') : out), text);
};

describe('the requester’s emails in their language', () => {
  it.each(TRANSLATED)('%s has no English left in the pseudo-locale: subject, text and HTML', async (name) => {
    const rendered = await renderEmail(name, previewOf(name) as never, PSEUDO_LOCALE);
    expect(englishLeft(rendered.subject)).toEqual([]);
    expect(englishLeft(withoutStaffText(name, rendered.text))).toEqual([]);
    expect(rendered.html).toMatch(/<html[^>]* lang="en-XA"/);
  });

  it.each(TRANSLATED.flatMap((name) => LOCALES.map((locale) => [name, locale] as const)))(
    '%s in %s is marked with its language and differs from English unless it is English',
    async (name, locale) => {
      const english = await renderEmail(name, previewOf(name) as never, 'en');
      const rendered = await renderEmail(name, previewOf(name) as never, locale);
      expect(rendered.html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
      if (locale === 'en') expect(rendered.subject).toBe(english.subject);
      else expect(rendered.subject).not.toBe(english.subject);
    },
  );

  it('the emails not translated yet are exactly these (English in every locale): the list only shrinks', async () => {
    const untranslated: TemplateName[] = [];
    for (const name of (Object.keys(templates) as TemplateName[]).filter((n) => !STAFF.includes(n))) {
      const rendered = await renderEmail(name, previewOf(name) as never, PSEUDO_LOCALE);
      if (englishLeft(withoutStaffText(name, rendered.text)).length > 0) untranslated.push(name);
    }
    expect(untranslated.sort()).toEqual(
      (Object.keys(templates) as TemplateName[]).filter((n) => !STAFF.includes(n) && !TRANSLATED.includes(n)).sort(),
    );
  });
});
