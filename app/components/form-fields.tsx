import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldError } from './field-error';
import type { Translator } from '@/lib/universal/i18n/translator';

/**
 * What a field spreads onto its element: react-hook-form's `register(name)` in the browser, or just
 * the name where the form renders on the server (only the name reaches the markup either way).
 */
export type FieldRegistration = Pick<UseFormRegisterReturn, 'name'> &
  Partial<Pick<UseFormRegisterReturn, 'onChange' | 'onBlur' | 'ref'>>;

/** The words every field adds, in the page's language (English where a page does not say). */
export type FieldMarks = { required: string; optional: string; error: string };
const ENGLISH_MARKS: FieldMarks = { required: '(required)', optional: '(optional)', error: 'Error: ' };

/** The marks in a page's language. */
export const fieldMarks = (t: Translator): FieldMarks => ({
  required: t('form.required'),
  optional: t('form.optional'),
  error: t('form.errorPrefix'),
});

type FieldProps = {
  marks?: FieldMarks;
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  registration: FieldRegistration;
};

/** The ids a field's aria-describedby lists: its hint, then its error. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint && `${id}-hint`, hasError && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldLabel({
  id,
  label,
  required,
  marks,
}: {
  id: string;
  label: ReactNode;
  required?: boolean;
  marks: FieldMarks;
}) {
  return (
    <label htmlFor={id}>
      {label}{' '}
      {required ? (
        <span className="required">{marks.required}</span>
      ) : (
        <span className="optional">{marks.optional}</span>
      )}
    </label>
  );
}

export function TextField({
  marks = ENGLISH_MARKS,
  id,
  label,
  hint,
  errors,
  required,
  registration,
  type = 'text',
  autoComplete,
  defaultValue,
  maxLength,
}: FieldProps & { type?: 'text' | 'email'; autoComplete: string; defaultValue: string; maxLength?: number }) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <FieldLabel id={id} label={label} required={required} marks={marks} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} prefix={marks.error} />
      <input
        {...registration}
        id={id}
        type={type}
        autoComplete={autoComplete}
        spellCheck={type === 'email' ? false : undefined}
        defaultValue={defaultValue}
        maxLength={maxLength}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), invalid)}
      />
    </div>
  );
}

export function TextAreaField({
  marks = ENGLISH_MARKS,
  id,
  label,
  hint,
  errors,
  required,
  registration,
  defaultValue,
}: FieldProps & { defaultValue: string }) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <FieldLabel id={id} label={label} required={required} marks={marks} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} prefix={marks.error} />
      <textarea
        {...registration}
        id={id}
        rows={6}
        maxLength={5000}
        defaultValue={defaultValue}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), invalid)}
      />
    </div>
  );
}

type SelectOption = { value: string; label: string };

export function SelectField({
  marks = ENGLISH_MARKS,
  id,
  label,
  hint,
  errors,
  required,
  registration,
  options,
  groups,
  placeholder,
  defaultValue,
}: FieldProps & {
  options?: SelectOption[];
  /** Options in labelled groups (<optgroup>), which screen readers announce with each option. */
  groups?: { label: string; options: SelectOption[] }[];
  placeholder: string;
  defaultValue: string;
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <FieldLabel id={id} label={label} required={required} marks={marks} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} prefix={marks.error} />
      <select
        {...registration}
        id={id}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), invalid)}
      >
        <option value="">{placeholder}</option>
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** One checkbox with its label beside it. */
export function CheckboxChoice({
  id,
  label,
  hint,
  registration,
  value,
  defaultChecked,
  invalid,
  describedById,
  required,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  registration: FieldRegistration;
  value?: string;
  defaultChecked: boolean;
  invalid?: boolean;
  describedById?: string;
  required?: boolean;
}) {
  const describedByIds = [hint && `${id}-hint`, describedById].filter(Boolean).join(' ') || undefined;
  return (
    <div className="choice">
      <input
        {...registration}
        id={id}
        type="checkbox"
        value={value}
        defaultChecked={defaultChecked}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedByIds}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
