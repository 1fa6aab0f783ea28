'use server';

import { redirect } from 'next/navigation';
import { AppError, toErrorBody } from '@/lib/errors';
import { fieldErrors, newRequestSchema } from '@/lib/requests/schemas';
import { submitRequest } from '@/lib/requests/submit-request';
import { readRequestForm, toRequestInput, type RequestFormState } from './request-form-values';
import { requesterContext } from './requester-context';

/** The request form's action: parse with the shared schema, submit, go to the confirmation page. */
export async function submitNewRequest(previous: RequestFormState, formData: FormData): Promise<RequestFormState> {
  const values = readRequestForm(formData);
  const attempt = previous.attempt + 1;
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
