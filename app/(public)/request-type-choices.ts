/**
 * What the form says beside each request type, and which types only some regimes give
 * (lib/universal/regional-rights.ts): those are wrapped in a class per regime, which the style sheet
 * shows once one of those regimes is chosen, without script (public/styles/portal.css).
 */
import type { RequestType } from '@/lib/universal/codes';
import type { Translator } from '@/lib/universal/i18n/translator';
import { REGIONAL_REQUEST_TYPES, regimesOffering, type RegionalRequestType } from '@/lib/universal/regional-rights';

export function isRegional(type: RequestType): type is RegionalRequestType {
  return (REGIONAL_REQUEST_TYPES as readonly RequestType[]).includes(type);
}

/** `regional-right in-US-CA in-US-VA…`: one class per regime that gives the right. */
export function regionalClassName(type: RegionalRequestType): string {
  return ['regional-right', ...regimesOffering(type).map((jurisdiction) => `in-${jurisdiction}`)].join(' ');
}

export function typeHint(
  t: Translator,
  type: RequestType,
  { companyName, sellsOrShares }: { companyName: string; sellsOrShares: boolean },
): string | undefined {
  switch (type) {
    case 'unsubscribe':
      return t('form.typeHint.unsubscribe');
    case 'objection':
      return t('form.typeHint.objection');
    case 'opt_out_sale':
      return t(sellsOrShares ? 'form.typeHint.optOutSale.sells' : 'form.typeHint.optOutSale.none', {
        company: companyName,
      });
    case 'limit_sensitive':
      return t('form.typeHint.limitSensitive');
    default:
      return undefined;
  }
}
