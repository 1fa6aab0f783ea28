'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { get, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { newRequestSchema } from '@/lib/requests/schemas';
import { REQUEST_FIELD_PATHS, toRequestInput, type RequestFormValues } from './request-form-values';

const schemaResolver = zodResolver(newRequestSchema);

/** The shared schema, applied to what the server would receive (no agent unless its box is ticked). */
const requestResolver: Resolver<RequestFormValues> = (values, context, options) =>
  schemaResolver(
    toRequestInput(values) as Parameters<typeof schemaResolver>[0],
    context,
    options as unknown as Parameters<typeof schemaResolver>[2],
  ) as unknown as ReturnType<Resolver<RequestFormValues>>;

export function useRequestForm(defaultValues: RequestFormValues) {
  return useForm<RequestFormValues>({
    defaultValues,
    resolver: requestResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // Focus goes to the error summary, not to the first field.
    shouldFocusError: false,
  });
}

/** react-hook-form's nested errors as the dotted-path map the server action returns. */
export function flattenClientErrors(errors: FieldErrors<RequestFormValues>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const path of REQUEST_FIELD_PATHS) {
    const error: { message?: unknown; root?: { message?: unknown } } | undefined = get(errors, path);
    const message = error?.message ?? error?.root?.message;
    if (typeof message === 'string' && message) out[path] = [message];
  }
  return out;
}
