'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { checkFormGuard, formStartedStamp, HONEYPOT_FIELD, STARTED_FIELD } from '@/lib/abuse/form-guard';
import { logger } from '@/lib/logger';
import { generateToken } from '@/lib/security/tokens';
import { AppError, toErrorBody } from '@/lib/errors';
import { fieldErrors, newRequestSchema } from '@/lib/requests/schemas';
import { submitRequest } from '@/lib/requests/submit-request';
import { formText } from './read-input';
import { readRequestForm, toRequestInput, type RequestFormState } from './request-form-values';
import { requesterContext } from './requester-context';

/** The request form's action: parse with the shared schema, submit, go to the confirmation page. */
export async function submitNewRequest(previous: RequestFormState, formData: FormData): Promise<RequestFormState> {
  // The guard's own fields are read here and never reach newRequestSchema (which is strict).
  const values = readRequestForm(formData);
  const attempt = previous.attempt + 1;
  const guard = checkFormGuard({ honeypot: formText(formData, HONEYPOT_FIELD), stamp: formText(formData, STARTED_FIELD) });
  if (!guard.ok && guard.reason === 'honeypot') {
    // A bot: it sees what a person would see, and nothing is stored or sent.
    logger.info({ reason: guard.reason }, 'request form refused');
    redirect(`/submitted/${randomUUID()}?token=${generateToken()}`);
  }
  if (!guard.ok) {
    return {
      values,
      fieldErrors: {},
      formError: 'Please check your answers, then send the form again.',
      attempt,
      formStartedAt: guard.reason === 'no-stamp' ? formStartedStamp() : undefined,
    };
  }
  const parsed = newRequestSchema.safeParse(toRequestInput(values));
  if (!parsed.success) return { values, fieldErrors: fieldErrors(parsed.error), attempt };

  let submitted: Awaited<ReturnType<typeof submitRequest>>;
  try {
    const { ip, userAgent } = await requesterContext();
    submitted = await submitRequest({ input: parsed.data, channel: 'web', ip, userAgent });
  } catch (error) {
    // toErrorBody logs anything unexpected and gives the requester only a reference.
    const { body } = toErrorBody(error);
    const fields = error instanceof AppError ? (error.details?.fields ?? {}) : {};
    return { values, fieldErrors: fields, formError: String(body.error.message), attempt };
  }
  redirect(`/submitted/${submitted.id}?token=${encodeURIComponent(submitted.submissionToken)}`);
}
