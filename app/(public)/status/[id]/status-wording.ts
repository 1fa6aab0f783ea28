import type { RequestStatus, RequestType } from '@/lib/universal/codes';
import type { Translator } from '@/lib/universal/i18n/translator';

type Wording = { title: string; explanation: string };

/**
 * Each status in the requester's words: what it means for them, not what it means in our workflow
 * (`status.state.<status>.title` and `.explanation` in the catalogs).
 */
export function statusStateWording(t: Translator, status: RequestStatus): Wording {
  return { title: t(`status.state.${status}.title`), explanation: t(`status.state.${status}.explanation`) };
}

/**
 * A request acted on at receipt only (opt-outs, unsubscribing, an objection: lib/verification/opt-outs.ts),
 * which needs no confirmation: while its systems act on it, and once every one has. Other statuses
 * (withdrawn…) keep their usual words.
 */
export function optOutWording(
  t: Translator,
  status: RequestStatus,
  types: readonly RequestType[],
): Wording | undefined {
  const only = types.length === 1 ? types[0] : 'several';
  if (status === 'in_progress')
    return {
      title: t('status.optOutState.applying.title', { type: only }),
      explanation: t('status.optOutState.applying.explanation'),
    };
  if (status === 'completed')
    return {
      title: t('status.optOutState.honored.title', { type: only }),
      explanation: t('status.optOutState.honored.explanation'),
    };
  return undefined;
}

/**
 * The words for the request's status: a denial says why when we could not verify; an opt-out has its own.
 */
export function statusWording(
  t: Translator,
  request: {
    status: RequestStatus;
    denialReason: string | null;
    optOut: { only: boolean; types: readonly RequestType[] } | null;
  },
): Wording {
  if (request.status === 'denied' && request.denialReason === 'cannot_verify')
    return { title: t('status.couldNotVerify.title'), explanation: t('status.couldNotVerify.explanation') };
  return (
    (request.optOut?.only && optOutWording(t, request.status, request.optOut.types)) ||
    statusStateWording(t, request.status)
  );
}
