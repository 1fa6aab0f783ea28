/**
 * Every jurisdiction × denial reason, whole and partial, rendered through the real decision email in
 * every language: the elements notice-rules.ts requires are there in the reader's words (each
 * language's own legal terms), the authority is named, Quebec's notice is in French whatever the
 * language, and no English sentence is left in a language other than English. Iterates
 * JURISDICTIONS and LOCALES, so a jurisdiction or a language added is checked without touching it.
 */
import { describe, expect, it } from 'vitest';
import { previewBrand } from '../../emails/layout';
import { getRules, resolveRule } from '../deadlines';
import { renderEmail } from '../email/enqueue-email';
import { JURISDICTIONS, type Jurisdiction, type RequestType } from '../universal/codes';
import { type DisplayLocale, LOCALES, PSEUDO_LOCALE } from '../universal/i18n/locales';
import {
  ALL_REASONS,
  type NoticeContext,
  type NoticeElement,
  noticeFamily,
  requiredNoticeElements,
} from './notice-rules';
import { denialNotices, denialReasonPhrase, noticeRuleContext } from './denial-notices';

// Staff's inputs go as written: locale-neutral tokens, so that what is left is the template's words.
const BASIS = 'ZZ-BASIS-0001';
const FULFILLED = 'ZZ-DONE-0002';
const TYPES: RequestType[] = ['access', 'deletion'];

function contextFor(jurisdiction: Jurisdiction, reason: (typeof ALL_REASONS)[number], partial: boolean) {
  return {
    jurisdiction,
    reason,
    partial,
    types: TYPES,
    ...noticeRuleContext(resolveRule(getRules(), jurisdiction, TYPES[0])),
    contactEmail: previewBrand.contactEmail,
    privacyPolicyUrl: previewBrand.privacyPolicyUrl,
    basis: BASIS,
    fulfilled: FULFILLED,
  } satisfies NoticeContext;
}

async function render(ctx: NoticeContext, locale: DisplayLocale) {
  const { html, text } = await renderEmail(
    'request-decided',
    {
      brand: previewBrand,
      reference: 'BR-2026-000123',
      outcome: ctx.partial ? 'partially_denied' : 'denied',
      reasonLabel: denialReasonPhrase(ctx.reason),
      message: 'ZZ-MESSAGE',
      notices: denialNotices(ctx),
      statusUrl: 'http://localhost:3000/status/abc?token=example',
    },
    locale,
  );
  return { html, text: text.replace(/\s+/g, ' ') };
}

type Written = Exclude<(typeof LOCALES)[number], 'en'>;
const TRANSLATED = LOCALES.filter((l): l is Written => l !== 'en');

/**
 * What each element must say in each language: the regime's own terms (GDPR Art. 77/79 as each
 * language's official text words them, the LGPD's, the authorities' official names).
 */
const MUST_SAY: Record<Written, Partial<Record<NoticeElement, (ctx: NoticeContext) => RegExp>>> = {
  fr: {
    not_verified: () => /pas pu vérifier votre identité/,
    kept_only_for_exception: () => /qu’aux fins de cette exception/,
    appeal: (ctx) => new RegExp(`faire appel de cette décision dans un délai de ${ctx.appealDays} jours`),
    attorney_general: () => /plainte auprès de l’autorité suivante/,
    judicial_remedy: () => /recours juridictionnel effectif/,
  },
  'fr-CA': {
    not_verified: () => /pas pu vérifier votre identité/,
    kept_only_for_exception: () => /qu’aux fins de cette exception/,
    appeal: (ctx) => new RegExp(`porter cette décision en appel dans un délai de ${ctx.appealDays} jours`),
    attorney_general: () => /plainte auprès de l’autorité suivante/,
    judicial_remedy: () => /recours juridictionnel effectif/,
  },
  'es-419': {
    not_verified: () => /No pudimos verificar su identidad/,
    kept_only_for_exception: () => /únicamente para el fin de esa excepción/,
    appeal: (ctx) => new RegExp(`Puede apelar esta decisión dentro de un plazo de ${ctx.appealDays} días`),
    attorney_general: () => /presentar una queja ante la siguiente autoridad/,
    judicial_remedy: () => /tutela judicial efectiva/,
  },
  'pt-BR': {
    not_verified: () => /Não conseguimos verificar sua identidade/,
    kept_only_for_exception: () => /somente para a finalidade dessa exceção/,
    appeal: (ctx) => new RegExp(`pode recorrer desta decisão no prazo de ${ctx.appealDays} dias`),
    attorney_general: () => /apresentar uma reclamação à seguinte autoridade/,
    judicial_remedy: () => /direito à ação judicial/,
  },
  de: {
    not_verified: () => /Identität nicht überprüfen/,
    kept_only_for_exception: () => /ausschließlich für den Zweck dieser Ausnahme/,
    appeal: (ctx) => new RegExp(`innerhalb von ${ctx.appealDays} Tagen Widerspruch einlegen`),
    attorney_general: () => /Beschwerde an folgende Stelle wenden/,
    judicial_remedy: () => /wirksamen gerichtlichen Rechtsbehelf/,
  },
};

/** The authority each family names, in each language (its official name, or its official translation). */
const AUTHORITY: Record<Written, Record<string, RegExp>> = {
  fr: {
    EU: /réclamation auprès d’une autorité de contrôle/,
    UK: /Information Commissioner’s Office/,
    BR: /Autoridade Nacional de Proteção de Dados \(ANPD\)/,
    CA: /Commissariat à la protection de la vie privée du Canada/,
  },
  'fr-CA': {
    EU: /réclamation auprès d’une autorité de contrôle/,
    UK: /Information Commissioner’s Office/,
    BR: /Autoridade Nacional de Proteção de Dados \(ANPD\)/,
    CA: /Commissariat à la protection de la vie privée du Canada/,
  },
  'es-419': {
    EU: /reclamación ante una autoridad de control/,
    UK: /Information Commissioner’s Office/,
    BR: /Autoridade Nacional de Proteção de Dados \(ANPD\)/,
    CA: /Office of the Privacy Commissioner of Canada/,
  },
  'pt-BR': {
    EU: /reclamação a uma autoridade de controle/,
    UK: /Information Commissioner’s Office/,
    BR: /peticionar .* perante a Autoridade Nacional de Proteção de Dados \(ANPD\)/,
    CA: /Office of the Privacy Commissioner of Canada/,
  },
  de: {
    EU: /Recht auf Beschwerde bei einer Datenschutz-Aufsichtsbehörde/,
    UK: /Information Commissioner’s Office/,
    BR: /Autoridade Nacional de Proteção de Dados \(ANPD\)/,
    CA: /Office of the Privacy Commissioner of Canada/,
  },
};

const CAI = /Commission d[’']accès à l[’']information du Québec/;

/** Official names that stay as they are in every language, and a state's own name. */
const OFFICIAL =
  /Information Commissioner’s Office|Office of the Privacy Commissioner of Canada|California Privacy Protection Agency|Commission d[’']accès à l[’']information du Québec|Autoridade Nacional de Proteção de Dados|Division of Consumer Affairs|Department of Justice|Attorney General|New Hampshire|New Jersey|Rhode Island|UK GDPR|Bitstride/g;

const neutral = (text: string) =>
  text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\bBR-\d{4}-\d{6}\b/g, ' ')
    .replace(OFFICIAL, ' ');

/** The pseudo-locale: runs of three or more plain ASCII words are English it did not word (as in email-languages.test.ts). */
const pseudoEnglishLeft = (text: string) =>
  neutral(text).match(/\b[A-Za-z]{2,}(?:[ ,.'’:;-]+[A-Za-z]{2,}){2,}\b/g) ?? [];

/** A real language: English's own small words, which none of the other languages writes. */
const englishLeft = (text: string) =>
  neutral(text).match(/\b(?:the|you|your|we|our|with|this|that|have|within|will|which|is|are|of|to|by|or)\b/gi) ?? [];

/** The email's text without the paragraphs marked as another language (Quebec's French notice). */
const ownLanguageText = (html: string) =>
  html
    .replace(/<p[^>]* lang="fr-CA"[^>]*>[\s\S]*?<\/p>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const CASES = JURISDICTIONS.flatMap((j) =>
  ALL_REASONS.flatMap((reason) => [false, true].map((partial) => ({ j, reason, partial }))),
);

describe('denial notices in every language', () => {
  for (const locale of TRANSLATED)
    it.each(CASES)(
      `${locale}: $j, $reason, partial $partial: every element in ${locale}, no English left`,
      async (c) => {
        const ctx = contextFor(c.j, c.reason, c.partial);
        const { html, text } = await render(ctx, locale);
        const family = noticeFamily(c.j);
        const missing: string[] = [];
        for (const element of requiredNoticeElements(ctx)) {
          const must = MUST_SAY[locale][element]?.(ctx);
          if (must && !must.test(text)) missing.push(element);
        }
        if (requiredNoticeElements(ctx).includes('basis') && !text.includes(BASIS)) missing.push('basis');
        if (requiredNoticeElements(ctx).includes('fulfilled') && !text.includes(FULFILLED)) missing.push('fulfilled');
        if (requiredNoticeElements(ctx).includes('privacy_policy') && !text.includes(previewBrand.privacyPolicyUrl))
          missing.push('privacy_policy');
        if (!text.includes(previewBrand.contactEmail)) missing.push('contact');
        if (requiredNoticeElements(ctx).includes('supervisory_complaint')) {
          const authority = family === 'CA-QC' ? CAI : AUTHORITY[locale][family];
          if (!authority?.test(text)) missing.push('supervisory_complaint');
        }
        expect(missing).toEqual([]);
        if (family === 'CA-QC') {
          // CQLR c. C-11 s.55: Quebec's refusal in French, whatever the request's language, marked so.
          expect(text).toMatch(/Nous refusons votre demande[\s\S]*dans les 30 jours qui suivent ce refus/);
          if (!locale.startsWith('fr')) expect(html).toMatch(/<p[^>]* lang="fr-CA"/);
        }
        expect(englishLeft(ownLanguageText(html))).toEqual([]);
      },
    );

  it.each(CASES)('en-XA: $j, $reason, partial $partial: no untranslated text', async (c) => {
    const { html } = await render(contextFor(c.j, c.reason, c.partial), PSEUDO_LOCALE);
    expect(pseudoEnglishLeft(ownLanguageText(html))).toEqual([]);
  });

  it('the check finds English left (the check itself)', async () => {
    expect(englishLeft('Vous pouvez faire appel. You have the right to complain.')).not.toEqual([]);
    expect(englishLeft('Sie können sich an das Information Commissioner’s Office wenden.')).toEqual([]);
    expect(pseudoEnglishLeft('Ŷöû ĥàṽé ţĥé ŕîĝĥţ. You have the right.')).not.toEqual([]);
  });
});
