import { translatorFor } from '@/lib/i18n/catalogs';
import { DEFAULT_LOCALE, type DisplayLocale } from '@/lib/universal/i18n/locales';

/**
 * What every requester's template is given besides its props: the language to write in (the
 * request's, lib/email/enqueue-email.ts). Absent (a preview), English.
 */
export type EmailLocaleProps = { locale?: DisplayLocale };

export const emailTranslator = (locale: DisplayLocale | undefined) => translatorFor(locale ?? DEFAULT_LOCALE);
