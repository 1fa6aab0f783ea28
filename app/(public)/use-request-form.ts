import { get, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import type { Translator } from '@/lib/universal/i18n/translator';
import { localizeIssue } from '@/lib/universal/i18n/validation';
import { REQUEST_FIELD_PATHS, toRequestInput, type RequestFormValues } from './request-form-values';

type LoadedResolver = (...args: Parameters<Resolver<RequestFormValues>>) => ReturnType<Resolver<RequestFormValues>>;
let loading: Promise<LoadedResolver> | undefined;

/**
 * The shared schema (lib/universal/request-schema.ts) and its resolver load on the first focus or submit,
 * not with the page: they are a third of the form's own JavaScript and nobody needs them to read it.
 */
export function preloadRequestSchema(): Promise<LoadedResolver> {
  loading ??= Promise.all([import('@hookform/resolvers/zod'), import('@/lib/universal/request-schema')]).then(
    ([{ zodResolver }, { newRequestSchema }]) => {
      const schemaResolver = zodResolver(newRequestSchema);
      // The schema sees what the server would receive (no agent unless its box is ticked).
      return (values, context, options) =>
        schemaResolver(
          toRequestInput(values) as Parameters<typeof schemaResolver>[0],
          context,
          options as unknown as Parameters<typeof schemaResolver>[2],
        ) as unknown as ReturnType<Resolver<RequestFormValues>>;
    },
  );
  loading.catch(() => (loading = undefined));
  return loading;
}

const requestResolver: Resolver<RequestFormValues> = async (values, context, options) => {
  let resolve: LoadedResolver;
  try {
    resolve = await preloadRequestSchema();
  } catch {
    // The script could not load (a flaky connection): let the server check, as it always does.
    return { values, errors: {} };
  }
  return resolve(values, context, options);
};

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

/** react-hook-form's nested errors as the dotted-path map the server answers with. */
export function flattenClientErrors(errors: FieldErrors<RequestFormValues>, t: Translator): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const path of REQUEST_FIELD_PATHS) {
    const error: { message?: unknown; root?: { message?: unknown } } | undefined = get(errors, path);
    const message = error?.message ?? error?.root?.message;
    if (typeof message === 'string' && message) out[path] = [localizeIssue(t, { message })];
  }
  return out;
}
