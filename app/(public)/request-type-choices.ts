/**
 * What the form says beside each request type, and which types only some regimes give
 * (lib/universal/regional-rights.ts): those are wrapped in a class per regime, which the style sheet
 * shows once one of those regimes is chosen, without script (public/styles/portal.css).
 */
import type { RequestType } from '@/lib/universal/codes';
import { REGIONAL_REQUEST_TYPES, regimesOffering, type RegionalRequestType } from '@/lib/universal/regional-rights';

export function isRegional(type: RequestType): type is RegionalRequestType {
  return (REGIONAL_REQUEST_TYPES as readonly RequestType[]).includes(type);
}

/** `regional-right in-US-CA in-US-VA…`: one class per regime that gives the right. */
export function regionalClassName(type: RegionalRequestType): string {
  return ['regional-right', ...regimesOffering(type).map((jurisdiction) => `in-${jurisdiction}`)].join(' ');
}

export function typeHint(
  type: RequestType,
  { companyName, sellsOrShares }: { companyName: string; sellsOrShares: boolean },
): string | undefined {
  switch (type) {
    case 'unsubscribe':
      return 'Product updates and announcements. Notices about your account, its security and billing still reach you.';
    case 'objection':
      return 'For example, the analytics of how you use our websites. We stop unless we have compelling legitimate grounds, which we would explain to you.';
    case 'opt_out_sale':
      return sellsOrShares
        ? `${companyName} stops selling your personal information and sharing it for cross-context behavioural advertising.`
        : `${companyName} does not sell your personal information or share it for cross-context behavioural advertising. You can still opt out: we record it, and it applies if that ever changes.`;
    case 'limit_sensitive':
      return 'Sensitive information, such as your account sign-in, is then used only as the law allows, for example to provide and secure the service.';
    default:
      return undefined;
  }
}
