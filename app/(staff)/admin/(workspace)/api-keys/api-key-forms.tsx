'use client';

import { FieldError } from '@/app/components/field-error';
import { createApiKeyAction, revokeApiKeyAction, rotateApiKeyAction } from '../../api-key-actions';
import {
  ActionButton,
  ActionFeedback,
  type Outcome,
  SelectField,
  TextField,
  fieldErrors,
  useStaffForms,
} from '../../staff-form';

/** The new key of a create or rotate outcome, shown once with the action's message. */
function shownOnce(outcome: Outcome) {
  const data = outcome?.result.ok ? (outcome.result.data as { key?: string; prefix?: string } | undefined) : undefined;
  if (!outcome?.result.ok) return null;
  return (
    <>
      <p>{outcome.result.message}</p>
      {data?.key && (
        <p>
          <label htmlFor="new-api-key">New key {data.prefix}</label>{' '}
          <input id="new-api-key" readOnly value={data.key} size={64} />
        </p>
      )}
    </>
  );
}

export function CreateApiKeyForm({
  scopes,
  members,
}: {
  scopes: readonly { scope: string; label: string; staff: boolean }[];
  members: readonly { value: string; label: string }[];
}) {
  const form = useStaffForms({ create: createApiKeyAction });
  const errors = (field: string) => fieldErrors(form.outcome, 'create', field);
  const scopeErrors = errors('scopes');
  return (
    <section aria-labelledby="create-key-title" className="admin-panel admin-panel--form">
      <h2 id="create-key-title">Create a key</h2>
      <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
        <ActionFeedback outcome={form.outcome} successText={shownOnce} />
        <TextField id="key-name" name="name" label="Name (which system uses it)" required errors={errors('name')} />
        <fieldset
          className={scopeErrors?.length ? 'admin-field admin-field--error' : 'admin-field'}
          aria-describedby={scopeErrors?.length ? 'key-scopes-error' : undefined}
        >
          <legend>Scopes</legend>
          <FieldError id="key-scopes-error" messages={scopeErrors} />
          {scopes.map((s) => (
            <div key={s.scope}>
              <input type="checkbox" id={`scope-${s.scope}`} name="scopes" value={s.scope} />{' '}
              <label htmlFor={`scope-${s.scope}`}>
                <code>{s.scope}</code>: {s.label}
                {s.staff && <span className="admin-muted"> (staff scope)</span>}
              </label>
            </div>
          ))}
        </fieldset>
        <SelectField
          id="key-acts-as"
          name="actsAsId"
          label="Acts as (for staff scopes)"
          hint="The staff member whose role the key works with. It may hold only scopes that role allows."
          options={members}
          placeholder="Me"
          errors={errors('actsAsId')}
        />
        <ActionButton intent="create" form={form} pendingLabel="Creating…">
          Create key
        </ActionButton>
      </form>
    </section>
  );
}

/** Rotate or revoke one live key; the outcome (with a rotated key's new secret) shows beside it. */
export function ApiKeyActions({ keyId, prefix }: { keyId: string; prefix: string }) {
  const form = useStaffForms({ rotate: rotateApiKeyAction, revoke: revokeApiKeyAction });
  return (
    <form method="post" onSubmit={form.onSubmit} className="admin-action-form">
      <ActionFeedback outcome={form.outcome} successText={shownOnce} />
      <input type="hidden" name="keyId" value={keyId} />
      <ActionButton
        intent="rotate"
        form={form}
        pendingLabel="Rotating…"
        variant="secondary"
        ariaLabel={`Rotate key ${prefix}`}
      >
        Rotate
      </ActionButton>{' '}
      <ActionButton
        intent="revoke"
        form={form}
        pendingLabel="Revoking…"
        variant="warning"
        ariaLabel={`Revoke key ${prefix}`}
      >
        Revoke
      </ActionButton>
    </form>
  );
}
