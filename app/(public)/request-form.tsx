'use client';

import { useActionState, useState, useTransition, type FormEvent } from 'react';
import { ErrorSummary } from '@/app/components/error-summary';
import { FieldError } from '@/app/components/field-error';
import { CheckboxChoice, describedBy, SelectField, TextAreaField, TextField } from '@/app/components/form-fields';
import { JURISDICTIONS, JURISDICTION_LABELS, REQUEST_TYPES, REQUEST_TYPE_LABELS } from '@/lib/requests/codes';
import { HONEYPOT_FIELD, STARTED_FIELD } from '@/lib/abuse/form-fields';
import { submitNewRequest } from './actions';
import { normaliseErrorPaths, summaryErrors } from './request-form-errors';
import { emptyRequestForm, fieldId, type RequestFieldPath, type RequestFormState } from './request-form-values';
import { flattenClientErrors, preloadRequestSchema, useRequestForm } from './use-request-form';

/** The first focus in the form fetches the checks, so they are there by the time of the first submit. */
const warmUpValidation = () => void preloadRequestSchema().catch(() => undefined);

const initialState: RequestFormState = { values: emptyRequestForm, fieldErrors: {}, attempt: 0 };
const jurisdictionOptions = JURISDICTIONS.map((code) => ({ value: code, label: JURISDICTION_LABELS[code] }));

/**
 * The request form. Without JavaScript it posts to the server action and the page shows the
 * action's errors; with JavaScript it first checks the same schema in the browser.
 */
export function RequestForm({ companyName, formStartedAt }: { companyName: string; formStartedAt: string }) {
  const [state, formAction, actionPending] = useActionState(submitNewRequest, initialState);
  const [transitionPending, startTransition] = useTransition();
  const [clientAttempts, setClientAttempts] = useState(0);
  const [showClientErrors, setShowClientErrors] = useState(false);
  const form = useRequestForm(state.values);
  const clientErrors = flattenClientErrors(form.formState.errors);

  const errors = showClientErrors ? clientErrors : normaliseErrorPaths(state.fieldErrors);
  const summary = summaryErrors(errors, showClientErrors ? undefined : state.formError);
  const errorsFor = (path: RequestFieldPath) => errors[path];
  const pending = actionPending || transitionPending;
  const values = state.values;

  // With JavaScript, check first and dispatch the action ourselves: a form action run by React would
  // also reset the fields, which the requester would then have to type again after a server error.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    void form.handleSubmit(
      () => {
        setShowClientErrors(false);
        startTransition(() => formAction(formData));
      },
      () => {
        setShowClientErrors(true);
        setClientAttempts((n) => n + 1);
      },
    )(event);
  }

  const typesInvalid = Boolean(errorsFor('types')?.length);
  const confirmInvalid = Boolean(errorsFor('confirm')?.length);
  return (
    <form className="request-form" action={formAction} onSubmit={onSubmit} onFocus={warmUpValidation} noValidate aria-labelledby="request-form-title">
      <h2 id="request-form-title">Make a request</h2>
      <ErrorSummary errors={summary} focusKey={`${state.attempt}-${clientAttempts}`} />
      <input type="hidden" name={STARTED_FIELD} value={state.formStartedAt ?? formStartedAt} />
      {/* A honeypot: hidden from people (display: none, so also from assistive technology); bots fill it. */}
      <div className="honeypot">
        <label htmlFor="field-website">Leave this field empty</label>
        <input id="field-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <CheckboxChoice
        id={fieldId('onBehalf')}
        label="I am making this request on behalf of someone else (as their authorized agent)"
        registration={form.register('onBehalf')}
        defaultChecked={values.onBehalf}
      />
      <div className="agent-fields">
        <TextField
          id={fieldId('agent.name')}
          label="Your name (the agent)"
          required
          autoComplete="name"
          maxLength={200}
          registration={form.register('agent.name')}
          defaultValue={values.agent.name}
          errors={errorsFor('agent.name')}
        />
        <TextField
          id={fieldId('agent.email')}
          type="email"
          label="Your email address (the agent)"
          hint="We may ask you for proof that you are allowed to act for this person."
          required
          autoComplete="email"
          maxLength={254}
          registration={form.register('agent.email')}
          defaultValue={values.agent.email}
          errors={errorsFor('agent.email')}
        />
      </div>

      <TextField
        id={fieldId('email')}
        type="email"
        label={
          <>
            <span className="when-self">Your email address</span>
            <span className="when-agent">Email address of the person this request is about</span>
          </>
        }
        hint={`We will send a link to this address to confirm the request. Use the address ${companyName} knows, if you can.`}
        required
        autoComplete="email"
        maxLength={254}
        registration={form.register('email')}
        defaultValue={values.email}
        errors={errorsFor('email')}
      />
      <TextField
        id={fieldId('name')}
        label="Full name"
        autoComplete="name"
        maxLength={200}
        registration={form.register('name')}
        defaultValue={values.name}
        errors={errorsFor('name')}
      />
      <TextField
        id={fieldId('accountEmail')}
        type="email"
        label={`${companyName} account email, if different`}
        hint="The email address of the account or organization your data is held under, if it is not the one above."
        autoComplete="off"
        maxLength={254}
        registration={form.register('accountEmail')}
        defaultValue={values.accountEmail}
        errors={errorsFor('accountEmail')}
      />
      <SelectField
        id={fieldId('jurisdiction')}
        label="Where you live"
        hint="The law where you live decides how long we have to answer."
        required
        placeholder="Choose a country or state"
        options={jurisdictionOptions}
        registration={form.register('jurisdiction')}
        defaultValue={values.jurisdiction}
        errors={errorsFor('jurisdiction')}
      />

      <fieldset
        className={typesInvalid ? 'field field--error' : 'field'}
        aria-describedby={describedBy('types', true, typesInvalid)}
      >
        <legend>
          What do you want us to do? <span className="required">(required)</span>
        </legend>
        <p className="hint" id="types-hint">
          Choose at least one.
        </p>
        <FieldError id="types-error" messages={errorsFor('types')} />
        {REQUEST_TYPES.map((code) => (
          <CheckboxChoice
            key={code}
            id={`field-types-${code}`}
            label={REQUEST_TYPE_LABELS[code]}
            value={code}
            registration={form.register('types')}
            defaultChecked={values.types.includes(code)}
            invalid={typesInvalid}
          />
        ))}
      </fieldset>

      <TextAreaField
        id={fieldId('details')}
        label="Details"
        hint="Anything that helps us find your data or understand your request. For a correction, tell us what is wrong and what it should be (required for corrections)."
        registration={form.register('details')}
        defaultValue={values.details}
        errors={errorsFor('details')}
      />

      <div className={confirmInvalid ? 'field field--error' : 'field'}>
        <FieldError id={`${fieldId('confirm')}-error`} messages={errorsFor('confirm')} />
        <CheckboxChoice
          id={fieldId('confirm')}
          label={
            <>
              I confirm that this information is accurate, and that I am the person this request is about or am
              authorized to act for them. <span className="required">(required)</span>
            </>
          }
          required
          registration={form.register('confirm')}
          defaultChecked={values.confirm}
          invalid={confirmInvalid}
          describedById={confirmInvalid ? `${fieldId('confirm')}-error` : undefined}
        />
      </div>

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending your request…' : 'Send request'}
      </button>
    </form>
  );
}
