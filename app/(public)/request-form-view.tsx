import type { FocusEventHandler, FormEventHandler, ReactNode } from 'react';
import { FieldError } from '@/app/components/field-error';
import {
  CheckboxChoice,
  describedBy,
  SelectField,
  TextAreaField,
  TextField,
  type FieldRegistration,
} from '@/app/components/form-fields';
import { HONEYPOT_FIELD, STARTED_FIELD } from '@/lib/abuse/form-fields';
import {
  AGENT_AUTHORIZATION_KINDS,
  AGENT_AUTHORIZATION_LABELS,
  JURISDICTION_GROUPS,
  JURISDICTION_LABELS,
  REQUEST_TYPES,
  REQUEST_TYPE_LABELS,
} from '@/lib/universal/codes';
import { isRegional, regionalClassName, typeHint } from './request-type-choices';
import { fieldId, type RequestFieldName, type RequestFieldPath, type RequestFormValues } from './request-form-values';

// Grouped by country, each US state with a privacy law by name, so a requester finds theirs by scanning.
const jurisdictionGroups = JURISDICTION_GROUPS.map((group) => ({
  label: group.label,
  options: group.jurisdictions.map((code) => ({ value: code, label: JURISDICTION_LABELS[code] })),
}));

export type RequestFormViewProps = {
  companyName: string;
  /** SELLS_OR_SHARES_PERSONAL_INFORMATION: false, the opt-out of sale/sharing says there is none today. */
  sellsOrShares: boolean;
  formStartedAt: string;
  /** What the fields start with: empty, or what the requester sent when the server answers a post. */
  values: RequestFormValues;
  /** Messages by field path ("agent.email", "types"). */
  errors: Record<string, string[]>;
  /** The error summary, which differs only in behaviour: the browser's moves focus to itself. */
  summary: ReactNode;
  register: (name: RequestFieldName) => FieldRegistration;
  pending: boolean;
  onSubmit?: FormEventHandler<HTMLFormElement>;
  onFocus?: FocusEventHandler<HTMLFormElement>;
};

/** On the server, a field is just its name. */
export const registerByName = (name: RequestFieldName): FieldRegistration => ({ name });

/**
 * The request form's markup, with no state of its own: the server renders it to HTML
 * (app/(public)/request-form-page.tsx) and the browser hydrates the same markup through
 * `RequestForm` (request-form.tsx), which adds react-hook-form's checks. Without JavaScript it is
 * a plain form posting to `/`.
 */
export function RequestFormView({
  companyName,
  sellsOrShares,
  formStartedAt,
  values,
  errors,
  summary,
  register,
  pending,
  onSubmit,
  onFocus,
}: RequestFormViewProps) {
  const errorsFor = (path: RequestFieldPath) => errors[path];
  /** What every text field and select takes from its path: id, registration, starting value, errors. */
  const bound = (path: Exclude<RequestFieldPath, 'types' | 'confirm' | 'agent.document'>, value: string) => ({
    id: fieldId(path),
    registration: register(path),
    defaultValue: value,
    errors: errorsFor(path),
  });
  const typesInvalid = Boolean(errorsFor('types')?.length);
  const proofInvalid = Boolean(errorsFor('agent.authorization')?.length || errorsFor('agent.document')?.length);
  const confirmInvalid = Boolean(errorsFor('confirm')?.length);
  return (
    <form
      className="request-form"
      action="/"
      method="post"
      // The agent's proof is a file: the form posts multipart, with or without JavaScript.
      encType="multipart/form-data"
      onSubmit={onSubmit}
      onFocus={onFocus}
      noValidate
      aria-labelledby="request-form-title"
    >
      <h2 id="request-form-title">Make a request</h2>
      {summary}
      <input type="hidden" name={STARTED_FIELD} value={formStartedAt} />
      {/* A honeypot: hidden from people (display: none, so also from assistive technology); bots fill it. */}
      <div className="honeypot">
        <label htmlFor="field-website">Leave this field empty</label>
        <input id="field-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <CheckboxChoice
        id={fieldId('onBehalf')}
        label="I am making this request on behalf of someone else (as their authorized agent)"
        registration={register('onBehalf')}
        defaultChecked={values.onBehalf}
      />
      <div className="agent-fields">
        <TextField
          {...bound('agent.name', values.agent.name)}
          label="Your name (the agent)"
          required
          autoComplete="name"
          maxLength={200}
        />
        <TextField
          {...bound('agent.email', values.agent.email)}
          type="email"
          label="Your email address (the agent)"
          required
          autoComplete="email"
          maxLength={254}
        />
        <fieldset
          className={proofInvalid ? 'field field--error' : 'field'}
          aria-describedby={describedBy('agent-proof', true, proofInvalid)}
        >
          <legend>
            Your proof that the person authorized you <span className="required">(required)</span>
          </legend>
          <p className="hint" id="agent-proof-hint">
            A permission the person signed, or a power of attorney: a PDF, PNG or JPEG file of at most 5 MB. With a
            signed permission we also ask the person to confirm. If the form comes back with an error, choose the file
            again.
          </p>
          <FieldError
            id="agent-proof-error"
            messages={[...(errorsFor('agent.authorization') ?? []), ...(errorsFor('agent.document') ?? [])]}
          />
          {AGENT_AUTHORIZATION_KINDS.map((kind) => (
            <div className="choice" key={kind}>
              <input
                {...register('agent.authorization')}
                id={`field-agent-authorization-${kind}`}
                type="radio"
                value={kind}
                defaultChecked={values.agent.authorization === kind}
                aria-invalid={proofInvalid || undefined}
              />
              <label htmlFor={`field-agent-authorization-${kind}`}>{AGENT_AUTHORIZATION_LABELS[kind]}</label>
            </div>
          ))}
          <label htmlFor={fieldId('agent.document')}>The document</label>
          <input
            id={fieldId('agent.document')}
            name="agent.document"
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            aria-invalid={proofInvalid || undefined}
          />
        </fieldset>
      </div>

      <TextField
        {...bound('email', values.email)}
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
      />
      <TextField {...bound('name', values.name)} label="Full name" autoComplete="name" maxLength={200} />
      <TextField
        {...bound('accountEmail', values.accountEmail)}
        type="email"
        label={`${companyName} account email, if different`}
        hint="The email address of the account or organization your data is held under, if it is not the one above."
        autoComplete="off"
        maxLength={254}
      />
      <SelectField
        {...bound('jurisdiction', values.jurisdiction)}
        label="Where you live"
        hint="The law where you live decides how long we have to answer. In the United States, choose your state; if it is not listed, choose “another state”."
        required
        placeholder="Choose a country or state"
        groups={jurisdictionGroups}
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
        {REQUEST_TYPES.map((code) => {
          const choice = (
            <CheckboxChoice
              key={code}
              id={`field-types-${code}`}
              label={REQUEST_TYPE_LABELS[code]}
              hint={typeHint(code, { companyName, sellsOrShares })}
              value={code}
              registration={register('types')}
              defaultChecked={values.types.includes(code)}
              invalid={typesInvalid}
            />
          );
          // A right only some regimes give shows once one of them is chosen (public/styles/portal.css).
          return isRegional(code) ? (
            <div key={code} className={regionalClassName(code)}>
              {choice}
            </div>
          ) : (
            choice
          );
        })}
      </fieldset>

      <TextAreaField
        {...bound('details', values.details)}
        label="Details"
        hint="Anything that helps us find your data or understand your request. For a correction, tell us what is wrong and what it should be (required for corrections)."
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
          registration={register('confirm')}
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
