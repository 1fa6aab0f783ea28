import { db } from '../db';
import { messagesOf } from '../i18n/catalogs';
import { isLocale, type Locale } from '../universal/i18n/locales';
import type { MessageKey } from '../universal/i18n/translator';
import { currentTemplateVersion } from './current-template-version';
import { editableTemplate, STANDARD_MESSAGES_TEMPLATE } from './editable-templates';
import { validateTemplateMessages } from './validate-template-messages';

/**
 * The standard staff messages in a request's language, with admins' words over the catalog's: what
 * the request page offers to start a question, an extension or a denial with. Words today's catalog
 * no longer allows are passed over, as for emails.
 */
export async function standardMessagesFor(language: string): Promise<Record<string, string>> {
  const locale: Locale = isLocale(language) ? language : 'en';
  const template = editableTemplate(STANDARD_MESSAGES_TEMPLATE)!;
  const words = await currentTemplateVersion(db(), template.name, locale);
  let edited: Record<string, string> = {};
  try {
    if (words)
      edited = validateTemplateMessages({ template, locale, messages: words.messages as Record<string, string> });
  } catch {
    edited = {};
  }
  const catalog = messagesOf(locale);
  return Object.fromEntries(template.keys.map((key) => [key, edited[key] ?? catalog[key as MessageKey] ?? '']));
}
