import { messagesOf } from '../i18n/catalogs';
import { AppError } from '../errors';
import type { Locale } from '../universal/i18n/locales';
import type { MessageKey, Messages } from '../universal/i18n/translator';
import { type EditableTemplate, isLockedMessage } from './editable-templates';
import { placeholdersOf } from './message-placeholders';

const list = (names: string[]) => names.join(', ');

/**
 * The edited messages of one template in one language, checked against the catalog's: each must
 * parse as ICU MessageFormat, use only the variables its catalog message has, and keep every one of
 * them (a reference, a link, a regime's authority); locked messages and keys the template does not
 * use are refused. Returns only what differs from the catalog (blank: the catalog's words).
 * Throws an INVALID_INPUT AppError whose fields name each message at fault, so nothing is saved.
 */
export function validateTemplateMessages(options: {
  template: EditableTemplate;
  locale: Locale;
  messages: Record<string, string>;
}): Messages {
  const catalog = messagesOf(options.locale);
  const allowed = new Set<string>(options.template.keys);
  const edited: Messages = {};
  const fields: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(options.messages)) {
    const message = raw.replace(/\r\n?/g, '\n').trim();
    if (!allowed.has(key)) {
      fields[key] = ['This message is not part of this template.'];
      continue;
    }
    const original = catalog[key as MessageKey] ?? '';
    if (message === '' || message === original) continue;
    if (isLockedMessage(key)) {
      fields[key] = ['This message is locked: the law requires its words, so it cannot be changed or removed.'];
      continue;
    }
    let used: string[];
    try {
      used = placeholdersOf(message);
    } catch (error) {
      fields[key] = [`Broken ICU syntax (${error instanceof Error ? error.message : 'cannot be read'}).`];
      continue;
    }
    const available = placeholdersOf(original);
    const unknown = used.filter((name) => !available.includes(name));
    const missing = available.filter((name) => !used.includes(name));
    const problems: string[] = [];
    if (unknown.length)
      problems.push(
        `Unknown variable ${list(unknown)}. ${available.length ? `Available: ${list(available)}.` : 'This message takes no variables.'}`,
      );
    if (missing.length) problems.push(`Required variable missing: ${list(missing)}.`);
    if (problems.length) fields[key] = problems;
    else edited[key as MessageKey] = message;
  }
  const faults = Object.keys(fields).length;
  if (faults)
    throw new AppError(
      'INVALID_INPUT',
      `${faults === 1 ? 'One message needs' : `${faults} messages need`} attention: nothing was saved.`,
      { fields },
    );
  return edited;
}
