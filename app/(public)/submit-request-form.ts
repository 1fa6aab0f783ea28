import { randomUUID } from 'node:crypto';
import { checkFormGuard, formStartedStamp, HONEYPOT_FIELD, STARTED_FIELD } from '@/lib/abuse/form-guard';
import { publicError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { newRequestSchema } from '@/lib/universal/request-schema';
import { translatorFor } from '@/lib/i18n/catalogs';
import { type DisplayLocale, isDisplayLocale } from '@/lib/universal/i18n/locales';
import { localizeIssue } from '@/lib/universal/i18n/validation';
import { fieldErrors } from '@/lib/universal/field-errors';
import { submitRequest } from '@/lib/requests/submit-request';
import { GPC_FORM_FIELD } from '@/lib/opt-outs/gpc';
import { recordGpcOptOut } from '@/lib/requests/record-gpc-opt-out';
import type { NewRequest } from '@/lib/universal/request-schema';
import { isOfferedIn } from '@/lib/universal/regional-rights';
import { generateToken } from '@/lib/security/tokens';
import { fieldText } from './form-post';
import { type AgentDocument, checkAgentDocument } from '@/lib/agents/agent-document';
import { readAgentDocument, readRequestForm, toRequestInput, type RequestFormState } from './request-form-values';

export type RequestFormOutcome =
  /** Where the browser goes next: the confirmation page. */
  | { kind: 'submitted'; location: string }
  /** The form again, with the values sent, the errors, and the status and headers to answer with. */
  | {
      kind: 'refused';
      /** The language to answer in: the one the form was filled in. */
      locale: DisplayLocale;
      status: number;
      headers?: Record<string, string>;
      state: RequestFormState;
      formStartedAt: string;
    };

const confirmationPage = (id: string, submissionToken: string) =>
  `/submitted/${id}?token=${encodeURIComponent(submissionToken)}`;

/**
 * A post of the request form (with or without JavaScript, the browser's checks passed or not): the
 * form guard, the shared schema, then `submitRequest`, the one domain call. Never throws for what a
 * requester or a bot can send; anything unexpected is logged and answered with a reference.
 */
export async function submitRequestForm({
  form,
  locale: pageLocale,
  ip,
  userAgent,
  gpcHeader = false,
}: {
  form: FormData;
  /** The page's language, when the form does not say which it was filled in. */
  locale: DisplayLocale;
  ip: string | null;
  userAgent: string | null;
  /** The post carried Sec-GPC: 1. */
  gpcHeader?: boolean;
}): Promise<RequestFormOutcome> {
  // The guard's own fields are read here and never reach newRequestSchema (which is strict).
  const values = readRequestForm(form);
  const locale = isDisplayLocale(values.locale) ? values.locale : pageLocale;
  const t = translatorFor(locale);
  const stamp = fieldText(form, STARTED_FIELD);
  const guard = checkFormGuard({ honeypot: fieldText(form, HONEYPOT_FIELD), stamp });
  if (!guard.ok && guard.reason === 'honeypot') {
    // A bot: it sees what a person would see, and nothing is stored or sent.
    logger.info({ reason: guard.reason }, 'request form refused');
    return { kind: 'submitted', location: confirmationPage(randomUUID(), generateToken()) };
  }
  // The time the form was first served counts from the first page, across attempts; a missing or forged stamp starts again.
  const formStartedAt = !guard.ok && guard.reason === 'no-stamp' ? formStartedStamp() : stamp;
  const refused = (
    status: number,
    state: Omit<RequestFormState, 'values'>,
    headers?: Record<string, string>,
  ): RequestFormOutcome => ({
    kind: 'refused',
    status,
    headers,
    state: { values, ...state },
    formStartedAt,
    locale,
  });
  if (!guard.ok) return refused(400, { fieldErrors: {}, formError: t('form.checkAnswers') });

  const parsed = newRequestSchema.safeParse(toRequestInput(values));
  if (!parsed.success)
    return refused(422, { fieldErrors: fieldErrors(parsed.error, (issue) => localizeIssue(t, issue)) });

  try {
    const file = parsed.data.agent ? readAgentDocument(form) : null;
    const agentDocument: AgentDocument | undefined = file
      ? checkAgentDocument({ filename: file.name, bytes: Buffer.from(await file.arrayBuffer()) })
      : undefined;
    const submitted = await submitRequest({ input: parsed.data, agentDocument, channel: 'web', ip, userAgent });
    if (gpcHeader || fieldText(form, GPC_FORM_FIELD) === '1') await honorGpc({ input: parsed.data, ip, userAgent });
    return { kind: 'submitted', location: confirmationPage(submitted.id, submitted.submissionToken) };
  } catch (error) {
    // publicError logs anything unexpected and gives the requester only a reference, in the form's language.
    const { status, message, fields, retryAfterSeconds } = publicError(error, locale);
    return refused(
      status,
      // A field's own message shows beside it and in the summary once, not again as the form's.
      { fieldErrors: fields ?? {}, formError: fields ? undefined : message },
      retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined,
    );
  }
}

/**
 * The visitor's browser sent Global Privacy Control with the form: their opt-out of sale/sharing is
 * recorded too, as its own request acted on at receipt (CCPA regs §7025(c)(1): "if known, ... for the
 * consumer"), with no extra step. Not when the request itself opts out of sale/sharing, nor where the
 * chosen regime gives no such right (the signal is still honored for the browser), nor for an agent. A failure here is
 * logged and the requester's own request stands: they are not asked to send it again.
 */
async function honorGpc(options: { input: NewRequest; ip: string | null; userAgent: string | null }) {
  const { input } = options;
  // An authorized agent's browser speaks for the agent, not for the person the request is for.
  if (input.agent || input.types.includes('opt_out_sale') || !isOfferedIn(input.jurisdiction, 'opt_out_sale')) return;
  try {
    await recordGpcOptOut({
      email: input.email,
      jurisdiction: input.jurisdiction,
      source: 'form',
      property: 'portal',
      observedAt: new Date(),
      channel: 'web',
      ip: options.ip,
      userAgent: options.userAgent,
    });
  } catch (error) {
    publicError(error);
  }
}
