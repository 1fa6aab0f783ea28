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
import { AGENT_AUTHORIZATION_KINDS, JURISDICTION_GROUPS, REQUEST_TYPES } from '@/lib/universal/codes';
import { LOCALE_FIELD } from '@/lib/universal/i18n/locales';
import type { Translator } from '@/lib/universal/i18n/translator';
import { jurisdictionLabel, requestTypeLabel } from '@/lib/universal/i18n/code-labels';
import { isRegional, regionalClassName, typeHint } from './request-type-choices';
import { fieldId, type RequestFieldName, type RequestFieldPath, type RequestFormValues } from './request-form-values';

// Grouped by country, each US state with a privacy law by name, so a requester finds theirs by scanning.
const jurisdictionGroups = (t: Translator) =>
  JURISDICTION_GROUPS.map((group) => ({
    label: t(`codes.group.${group.key}`),
    options: group.jurisdictions.map((code) => ({ value: code, label: jurisdictionLabel(t, code) })),
  }));

export type RequestFormViewProps = {
  /** The page's language: the island builds it from the messages the page sends it. */
  t: Translator;
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
  t,
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
  const marks = { required: t('form.required'), optional: t('form.optional'), error: t('form.errorPrefix') };
  const requiredMark = <span className="required">{marks.required}</span>;
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
      <h2 id="request-form-title">{t('form.title')}</h2>
      {summary}
      <input type="hidden" name={STARTED_FIELD} value={formStartedAt} />
      {/* The language the request is filed in: every later email and its status page speak it. */}
      <input type="hidden" name={LOCALE_FIELD} value={t.locale} />
      {/* A honeypot: hidden from people (display: none, so also from assistive technology); bots fill it. */}
      <div className="honeypot">
        <label htmlFor="field-website">{t('form.honeypot')}</label>
        <input id="field-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <CheckboxChoice
        id={fieldId('onBehalf')}
        label={t('form.onBehalf')}
        registration={register('onBehalf')}
        defaultChecked={values.onBehalf}
      />
      <div className="agent-fields">
        <TextField
          {...bound('agent.name', values.agent.name)}
          label={t('form.agentName')}
          marks={marks}
          required
          autoComplete="name"
          maxLength={200}
        />
        <TextField
          {...bound('agent.email', values.agent.email)}
          type="email"
          label={t('form.agentEmail')}
          marks={marks}
          required
          autoComplete="email"
          maxLength={254}
        />
        <fieldset
          className={proofInvalid ? 'field field--error' : 'field'}
          aria-describedby={describedBy('agent-proof', true, proofInvalid)}
        >
          <legend>
            {t('form.agentProof')} {requiredMark}
          </legend>
          <p className="hint" id="agent-proof-hint">
            {t('form.agentProofHint', { maxMb: 5 })}
          </p>
          <FieldError
            prefix={marks.error}
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
              <label htmlFor={`field-agent-authorization-${kind}`}>{t(`codes.agentAuthorization.${kind}`)}</label>
            </div>
          ))}
          <label htmlFor={fieldId('agent.document')}>{t('form.agentDocument')}</label>
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
            <span className="when-self">{t('form.email')}</span>
            <span className="when-agent">{t('form.emailOfPerson')}</span>
          </>
        }
        hint={t('form.emailHint', { company: companyName })}
        marks={marks}
        required
        autoComplete="email"
        maxLength={254}
      />
      <TextField
        {...bound('name', values.name)}
        label={t('form.name')}
        marks={marks}
        autoComplete="name"
        maxLength={200}
      />
      <TextField
        {...bound('accountEmail', values.accountEmail)}
        type="email"
        label={t('form.accountEmail', { company: companyName })}
        hint={t('form.accountEmailHint')}
        marks={marks}
        autoComplete="off"
        maxLength={254}
      />
      <SelectField
        {...bound('jurisdiction', values.jurisdiction)}
        label={t('form.jurisdiction')}
        hint={t('form.jurisdictionHint')}
        marks={marks}
        required
        placeholder={t('form.jurisdictionPlaceholder')}
        groups={jurisdictionGroups(t)}
      />

      <fieldset
        className={typesInvalid ? 'field field--error' : 'field'}
        aria-describedby={describedBy('types', true, typesInvalid)}
      >
        <legend>
          {t('form.types')} {requiredMark}
        </legend>
        <p className="hint" id="types-hint">
          {t('form.typesHint')}
        </p>
        <FieldError id="types-error" messages={errorsFor('types')} prefix={marks.error} />
        {REQUEST_TYPES.map((code) => {
          const choice = (
            <CheckboxChoice
              key={code}
              id={`field-types-${code}`}
              label={requestTypeLabel(t, code)}
              hint={typeHint(t, code, { companyName, sellsOrShares })}
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
        label={t('form.details')}
        hint={t('form.detailsHint')}
        marks={marks}
      />

      <div className={confirmInvalid ? 'field field--error' : 'field'}>
        <FieldError id={`${fieldId('confirm')}-error`} messages={errorsFor('confirm')} prefix={marks.error} />
        <CheckboxChoice
          id={fieldId('confirm')}
          label={
            <>
              {t('form.confirm')} {requiredMark}
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
        {pending ? t('form.sending') : t('form.send')}
      </button>
    </form>
  );
}
