import type * as z from 'zod/mini';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/universal/field-errors';
import { isLocale, LOCALE_FIELD, type Locale } from '@/lib/universal/i18n/locales';
import { localizeIssue } from '@/lib/universal/i18n/validation';
import { translatorFor } from './catalogs';
import { negotiateLocale } from './negotiate-locale';

/**
 * The language of a request filed through an API: the body's `locale` when it names one of ours,
 * else the client's `Accept-Language` (negotiated as for a page), else English. The JSON API answers
 * its validation errors in it and files the request in it; a DRP agent's requests use it too.
 */
export function apiLocaleOf(body: unknown, headers: Headers): Locale {
  const named = (body as Record<string, unknown> | null)?.[LOCALE_FIELD];
  if (isLocale(named)) return named;
  return negotiateLocale(headers.get('accept-language'));
}

/**
 * Parses an API body with the shared schema; a body that breaks it is refused (422) with each field's
 * message in `locale`, the same words the request form shows for the same mistake.
 */
export function parseInLocale<S extends z.ZodMiniType>(schema: S, body: unknown, locale: Locale): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const t = translatorFor(locale);
  throw new AppError('INVALID_INPUT', t('api.invalidInput'), {
    fields: fieldErrors(parsed.error, (issue) => localizeIssue(t, issue)),
  });
}
