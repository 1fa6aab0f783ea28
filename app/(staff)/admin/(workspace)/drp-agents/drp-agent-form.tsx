'use client';

import type { DrpAgentSummary } from '@/lib/drp/list-drp-agents';
import { saveDrpAgentAction } from '../../drp-actions';
import { ActionButton, ActionFeedback, TextField, fieldErrors, useStaffForms } from '../../staff-form';

/** Add an agent, or change one: a new key ends its token (it pairs again); an agent from DRP_AGENTS can only be disabled. */
export function DrpAgentForm({ agent }: { agent: DrpAgentSummary | null }) {
  const form = useStaffForms({ saveDrpAgent: saveDrpAgentAction });
  const errors = (field: string) => fieldErrors(form.outcome, 'saveDrpAgent', field);
  const p = agent ? `drp-${agent.id}` : 'drp-new';
  const fromEnv = agent?.source === 'env';
  const body = (
    <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
      <ActionFeedback outcome={form.outcome} />
      {agent ? (
        <input type="hidden" name="id" value={agent.id} />
      ) : (
        <TextField
          id={`${p}-id`}
          name="id"
          label="Directory id"
          hint="As in the DRP directory, e.g. CR_AA_DRP_ID_001."
          errors={errors('id')}
        />
      )}
      {fromEnv ? (
        <>
          <input type="hidden" name="name" value={agent.name} />
          <input type="hidden" name="verifyKey" value={agent.verifyKey} />
          <p className="admin-hint">Configured in DRP_AGENTS: its key and settings change there.</p>
        </>
      ) : (
        <>
          <TextField id={`${p}-name`} name="name" label="Name" defaultValue={agent?.name} errors={errors('name')} />
          <TextField
            id={`${p}-key`}
            name="verifyKey"
            label="Verify key"
            hint="Standard base64 of the raw 32-byte Ed25519 public key (the directory's verify_key). A new key ends the agent's token."
            defaultValue={agent?.verifyKey}
            errors={errors('verifyKey')}
          />
          <div className="admin-field">
            <input
              type="checkbox"
              id={`${p}-private`}
              name="allowPrivateNetwork"
              defaultChecked={agent?.allowPrivateNetwork}
            />
            <label htmlFor={`${p}-private`}>Allow status callbacks to private or loopback addresses</label>
          </div>
        </>
      )}
      <div className="admin-field">
        <input type="checkbox" id={`${p}-enabled`} name="enabled" defaultChecked={agent ? agent.enabled : true} />
        <label htmlFor={`${p}-enabled`}>Enabled (disabling ends its token at once)</label>
      </div>
      <ActionButton intent="saveDrpAgent" form={form} pendingLabel="Saving…">
        {agent ? 'Save agent' : 'Add agent'}
      </ActionButton>
    </form>
  );
  return agent ? (
    <details className="admin-action">
      <summary>Edit {agent.name}</summary>
      {body}
    </details>
  ) : (
    body
  );
}
