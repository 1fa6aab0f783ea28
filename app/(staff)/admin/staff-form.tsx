'use client';

/**
 * The pieces every staff action form shares. Several forms on a page share one `useStaffForms`
 * state, chosen by the submit button's or a hidden field's `intent`: the outcome then survives the
 * page re-rendering without the form that caused it (a "Start work" form disappears once started).
 * Forms submit through `onSubmit` so that a failed action keeps what was typed; a successful one
 * clears its form. Until the page has hydrated their buttons stay disabled (`pending`): a form that
 * posted natively would lose what was typed, so each is `method="post"` and inert until then.
 */
import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type ReactNode,
} from 'react';
import { FieldError } from '@/app/components/field-error';
import type { ActionResult } from '@/lib/auth/staff-action';

export type StaffFormAction = (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
export type Outcome = { intent: string; result: ActionResult<unknown>; seq: number } | null;

const UNREACHABLE: ActionResult<never> = {
  ok: false,
  error: 'We could not reach the server. Check your connection and try again.',
};

/** A check in the browser before an action runs, for mistakes the server would read as a choice. */
export type FormCheck = (formData: FormData) => ActionResult<never> | null;

const noSubscription = () => () => {};

/** False in the server's HTML and while hydrating, true once this component runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function useStaffForms(actions: Record<string, StaffFormAction>, checks: Record<string, FormCheck> = {}) {
  const hydrated = useHydrated();
  const lastForm = useRef<HTMLFormElement | null>(null);
  const [activeIntent, setActiveIntent] = useState<string | null>(null);
  const [outcome, dispatch, pending] = useActionState(
    async (previous: Outcome, formData: FormData): Promise<Outcome> => {
      const intent = String(formData.get('intent') ?? '');
      formData.delete('intent');
      const action = actions[intent];
      let result: ActionResult<unknown>;
      try {
        result =
          checks[intent]?.(formData) ??
          (action ? await action(null, formData) : { ok: false, error: 'Unknown action.' });
      } catch {
        result = UNREACHABLE;
      }
      return { intent, result, seq: (previous?.seq ?? 0) + 1 };
    },
    null,
  );

  useEffect(() => {
    if (outcome?.result.ok) lastForm.current?.reset();
  }, [outcome]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    lastForm.current = form;
    const formData = new FormData(form, submitter);
    if (!formData.get('intent') && form.dataset.intent) formData.set('intent', form.dataset.intent);
    setActiveIntent(String(formData.get('intent')));
    startTransition(() => dispatch(formData));
  };

  /** Whether `intent`'s action is the one running (every button is disabled while any runs). */
  const running = (intent: string) => pending && activeIntent === intent;

  return { outcome, pending: pending || !hydrated, running, onSubmit };
}

/** The errors for one field, if the last outcome was this form's and named it. */
export function fieldErrors(outcome: Outcome, intent: string, field: string): string[] | undefined {
  if (!outcome || outcome.intent !== intent || outcome.result.ok) return undefined;
  return outcome.result.fields?.[field];
}

/**
 * The result of the last action, for the forms listed in `intents` (all when omitted): a polite
 * status for success, an alert for an error. The status region is always present so that screen
 * readers announce its new text.
 */
export function ActionFeedback({
  outcome,
  intents,
  successText,
}: {
  outcome: Outcome;
  intents?: string[];
  successText?: (outcome: Outcome) => ReactNode;
}) {
  const mine = outcome && (!intents || intents.includes(outcome.intent)) ? outcome : null;
  const success = mine?.result.ok ? (successText?.(mine) ?? mine.result.message) : null;
  return (
    <>
      <div role="status" className={success ? 'admin-notice admin-notice--success' : undefined}>
        {success}
      </div>
      {mine && !mine.result.ok && (
        <div role="alert" className="admin-notice admin-notice--error" key={mine.seq}>
          <p>{mine.result.error}</p>
          {mine.result.fields && Object.keys(mine.result.fields).length > 0 && (
            <p className="admin-hint">See the fields marked below.</p>
          )}
        </div>
      )}
    </>
  );
}

function describedBy(id: string, hint?: ReactNode, errors?: string[]) {
  return [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

type FieldProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
};

export function TextAreaField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  rows = 4,
  maxLength = 5000,
  defaultValue,
}: FieldProps & { rows?: number; maxLength?: number; defaultValue?: string }) {
  return (
    <div className={errors?.length ? 'admin-field admin-field--error' : 'admin-field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="admin-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
    </div>
  );
}

export function TextField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  type = 'text',
  autoComplete = 'off',
  defaultValue,
  suggestions,
}: FieldProps & {
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  defaultValue?: string;
  /** Values to pick from while still typing freely (a native datalist: no script needed). */
  suggestions?: readonly string[];
}) {
  return (
    <div className={errors?.length ? 'admin-field admin-field--error' : 'admin-field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="admin-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        spellCheck={type === 'email' ? false : undefined}
        required={required}
        list={suggestions ? `${id}-suggestions` : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      )}
    </div>
  );
}

export function SelectField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  options,
  placeholder,
  defaultValue,
}: FieldProps & { options: readonly { value: string; label: string }[]; placeholder?: string; defaultValue?: string }) {
  return (
    <div className={errors?.length ? 'admin-field admin-field--error' : 'admin-field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="admin-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ''}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A submit button that names its form's intent and says when the action is running. */
export function ActionButton({
  intent,
  children,
  pendingLabel,
  form,
  variant = 'primary',
  ariaLabel,
}: {
  intent: string;
  children: ReactNode;
  pendingLabel: string;
  form: { pending: boolean; running: (intent: string) => boolean };
  variant?: 'primary' | 'secondary' | 'warning';
  ariaLabel?: string;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={`admin-button admin-button--${variant}`}
      disabled={form.pending}
      aria-label={ariaLabel}
    >
      {form.running(intent) ? pendingLabel : children}
    </button>
  );
}
