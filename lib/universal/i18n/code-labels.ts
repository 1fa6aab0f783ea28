/** The codes of lib/universal/codes.ts as a requester reads them, in the page's language. */
import { type Jurisdiction, type RequestType, US_STATES, type UsStateJurisdiction } from '../codes';
import type { Translator } from './translator';

export const requestTypeLabel = (t: Translator, type: RequestType) => t(`codes.type.${type}`);

/** A short name of the type, for lists in a sentence ("access, deletion"). */
export const requestTypeName = (t: Translator, type: RequestType) => t(`codes.typeName.${type}`);

/** The types as a list in the language's own way ("access, correction and deletion"). */
export function requestTypeList(t: Translator, types: readonly RequestType[]): string {
  return new Intl.ListFormat(t.locale === 'en-XA' ? 'en' : t.locale, { type: 'conjunction' }).format(
    types.map((type) => requestTypeName(t, type)),
  );
}

const isUsState = (code: Jurisdiction): code is UsStateJurisdiction => Object.hasOwn(US_STATES, code);

/** A state keeps its own name (the name its law uses); the country and the words around it are translated. */
export function jurisdictionLabel(t: Translator, code: Jurisdiction): string {
  if (isUsState(code)) return t('codes.jurisdiction.usState', { state: US_STATES[code] });
  return t(`codes.jurisdiction.${code as Exclude<Jurisdiction, UsStateJurisdiction>}`);
}

/** How long something lasts, in words: whole days from two days up, hours below that (as lib/universal/duration.ts). */
export function durationLabel(t: Translator, hours: number): string {
  if (hours >= 48 && hours % 24 === 0) return t('duration.days', { count: hours / 24 });
  return t('duration.hours', { count: hours });
}
