import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import { TextField } from '@/app/components/form-fields';
import { DECLARATION_TEXT } from '@/lib/verification/sign-declaration';
import { NOTICES, type NoticeKey } from '../../notices';

/**
 * The signed declaration under penalty of perjury (11 CCR §7062(c)), shown only where a rule needs
 * a reasonably high degree of certainty. The typed name is compared with the request's and not kept.
 */
export function DeclarationForm({
  requestId,
  token,
  notice,
}: {
  requestId: string;
  token: string;
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  const nameError = notice === 'declaration-name' && error ? [error] : undefined;
  const boxError = notice === 'declaration-tick' && error ? [error] : undefined;
  const fieldId = nameError ? 'declaration-name' : boxError ? 'declaration-declared' : undefined;
  return (
    <form action={`/status/${requestId}/declaration`} method="post" noValidate aria-labelledby="declaration-title">
      <h3 id="declaration-title">Sign a declaration</h3>
      <ErrorSummaryView errors={error ? [{ message: error, fieldId }] : []} />
      <p>
        For a copy of the specific pieces of your personal information, the law also asks you to sign this declaration.
      </p>
      <input type="hidden" name="token" value={token} />
      <TextField
        id="declaration-name"
        label="Your full name"
        hint="As you gave it with this request."
        registration={{ name: 'fullName' }}
        autoComplete="name"
        defaultValue=""
        maxLength={200}
        required
        errors={nameError}
      />
      <div className={boxError ? 'field field--error' : 'field'}>
        <FieldError id="declaration-declared-error" messages={boxError} />
        <div className="choice">
          <input
            id="declaration-declared"
            type="checkbox"
            name="declared"
            required
            aria-invalid={boxError ? true : undefined}
            aria-describedby={boxError ? 'declaration-declared-error' : undefined}
          />
          <label htmlFor="declaration-declared">{DECLARATION_TEXT}</label>
        </div>
      </div>
      <button type="submit" className="button">
        Sign the declaration
      </button>
    </form>
  );
}
