'use client';

import { inviteStaffAction } from '../../actions';
import { ROLE_LABELS } from '../../labels';
import { ActionButton, ActionFeedback, SelectField, TextField, fieldErrors, useStaffForms } from '../../staff-form';

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

export function InviteForm() {
  const form = useStaffForms({ invite: inviteStaffAction });
  const errors = (field: string) => fieldErrors(form.outcome, 'invite', field);
  return (
    <section aria-labelledby="invite-title" className="admin-panel admin-panel--form">
      <h2 id="invite-title">Invite someone</h2>
      <p className="admin-hint">They get an email and can then sign in with this address.</p>
      <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
        <ActionFeedback outcome={form.outcome} />
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="off"
          required
          errors={errors('email')}
        />
        <TextField id="invite-name" name="name" label="Name (optional)" autoComplete="off" errors={errors('name')} />
        <SelectField
          id="invite-role"
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          defaultValue="reviewer"
          errors={errors('role')}
        />
        <ActionButton intent="invite" form={form} pendingLabel="Inviting…">
          Send invitation
        </ActionButton>
      </form>
    </section>
  );
}
