'use client';

import { SYSTEM_TASK_TYPES, TASK_TYPE_LABELS } from '@/lib/fulfilment/task-types';
import type { InventorySystem } from '@/lib/fulfilment/list-inventory';
import { TRANSFER_SAFEGUARD_RULES, TRANSFER_SAFEGUARDS } from '@/lib/fulfilment/transfer-safeguards';
import {
  confirmRetentionAction,
  deleteCategoryAction,
  saveCategoryAction,
  saveRecipientTransferAction,
  saveSystemAction,
} from '../../fulfilment-actions';
import {
  ActionButton,
  ActionFeedback,
  SelectField,
  TextAreaField,
  TextField,
  fieldErrors,
  useStaffForms,
} from '../../staff-form';

const KINDS = [
  { value: 'manual', label: 'Manual (a person does the work)' },
  { value: 'postgres', label: 'PostgreSQL connector' },
  { value: 'webhook', label: 'Webhook connector' },
];

type Category = InventorySystem['categories'][number];

/** Create or edit a system and its connector. Stored secrets are never sent back: empty keeps them. */
export function SystemForm({
  system,
  people,
}: {
  system: InventorySystem | null;
  people: { value: string; label: string }[];
}) {
  const form = useStaffForms({ saveSystem: saveSystemAction });
  const errors = (field: string) => fieldErrors(form.outcome, 'saveSystem', field);
  const p = system ? `sys-${system.key}` : 'sys-new';
  const body = (
    <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
      <ActionFeedback outcome={form.outcome} />
      {system && <input type="hidden" name="id" value={system.id} />}
      <TextField
        id={`${p}-key`}
        name="key"
        label="Key"
        hint="Lower-case; the folder name in data packages."
        defaultValue={system?.key}
        errors={errors('key')}
      />
      <TextField id={`${p}-name`} name="name" label="Name" defaultValue={system?.name} errors={errors('name')} />
      <TextAreaField
        id={`${p}-description`}
        name="description"
        label="Description (optional)"
        rows={2}
        defaultValue={system?.description ?? ''}
        errors={errors('description')}
      />
      <SelectField
        id={`${p}-kind`}
        name="kind"
        label="Kind"
        options={KINDS}
        defaultValue={system?.kind ?? 'manual'}
        errors={errors('kind')}
      />
      <SelectField
        id={`${p}-owner`}
        name="ownerId"
        label="Owner"
        options={[{ value: '', label: 'Nobody' }, ...people]}
        defaultValue={system?.owner?.id ?? ''}
        errors={errors('ownerId')}
      />
      <fieldset className="admin-field">
        <legend>Tasks this system takes part in</legend>
        {SYSTEM_TASK_TYPES.map((t) => (
          <div className="admin-choice" key={t}>
            <input
              type="checkbox"
              id={`${p}-task-${t}`}
              name="taskTypes"
              value={t}
              defaultChecked={system ? system.taskTypes.includes(t) : true}
            />
            <label htmlFor={`${p}-task-${t}`}>{TASK_TYPE_LABELS[t]}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id={`${p}-checklist`}
        name="checklist"
        label="Checklist for manual tasks"
        hint="One step per line."
        rows={3}
        defaultValue={system?.checklist.join('\n')}
        errors={errors('checklist')}
      />
      <TextField
        id={`${p}-connection`}
        name="connectionUrl"
        type="password"
        label="PostgreSQL connection URL"
        hint={
          system?.hasConnectionUrl ? 'Set. Leave empty to keep it.' : 'postgresql://user:password@host:5432/database'
        }
        errors={errors('connectionUrl')}
      />
      <TextAreaField
        id={`${p}-statements`}
        name="statements"
        label="SQL statements (JSON)"
        hint='Per task type, a list of {"name", "sql"}. $1 is bound to the subject&apos;s email and $2 to the requested change; values are never written into the SQL.'
        rows={6}
        maxLength={20_000}
        defaultValue={system ? JSON.stringify(system.statements, null, 2) : ''}
        errors={errors('statements')}
      />
      <TextField
        id={`${p}-webhook`}
        name="webhookUrl"
        label="Webhook URL"
        defaultValue={system?.webhookUrl ?? ''}
        errors={errors('webhookUrl')}
      />
      <TextField
        id={`${p}-secret`}
        name="webhookSecret"
        type="password"
        label="Webhook shared secret"
        hint={system?.hasWebhookSecret ? 'Set. Leave empty to keep it.' : 'At least 32 characters.'}
        errors={errors('webhookSecret')}
      />
      <div className="admin-choice">
        <input
          type="checkbox"
          id={`${p}-private`}
          name="allowPrivateNetwork"
          defaultChecked={system?.allowPrivateNetwork}
        />
        <label htmlFor={`${p}-private`}>Allow the webhook to reach private or loopback addresses</label>
      </div>
      <SelectField
        id={`${p}-transfer`}
        name="transferSafeguard"
        label="International transfer safeguard"
        hint="What data packages tell requesters about transfers of this system's data (GDPR Art. 15(2))."
        options={[
          { value: '', label: 'Not recorded yet' },
          ...TRANSFER_SAFEGUARDS.map((t) => ({ value: t, label: TRANSFER_SAFEGUARD_RULES[t].label })),
        ]}
        defaultValue={system?.transferSafeguard ?? ''}
        errors={errors('transferSafeguard')}
      />
      <TextField
        id={`${p}-transfer-country`}
        name="transferCountry"
        label="Destination country"
        hint="Where the data goes, for any safeguard other than no transfer."
        defaultValue={system?.transferCountry ?? ''}
        errors={errors('transferCountry')}
      />
      <SelectField
        id={`${p}-active`}
        name="active"
        label="Active"
        options={[
          { value: 'true', label: 'Yes: new requests get tasks' },
          { value: 'false', label: 'No' },
        ]}
        defaultValue={system?.active === false ? 'false' : 'true'}
      />
      <ActionButton intent="saveSystem" form={form} pendingLabel="Saving…">
        {system ? 'Save system' : 'Add system'}
      </ActionButton>
    </form>
  );
  return system ? (
    <details className="admin-action">
      <summary>Edit {system.name}</summary>
      {body}
    </details>
  ) : (
    body
  );
}

/** Add a data category to a system, or remove one. */
export function CategoryForm({
  systemId,
  systemName,
  categories,
}: {
  systemId: string;
  systemName: string;
  categories: Category[];
}) {
  const form = useStaffForms({ saveCategory: saveCategoryAction, deleteCategory: deleteCategoryAction });
  const errors = (field: string) => fieldErrors(form.outcome, 'saveCategory', field);
  const p = `cat-${systemId.slice(0, 8)}`;
  return (
    <details className="admin-action">
      <summary>Categories of {systemName}</summary>
      <ActionFeedback outcome={form.outcome} />
      {categories.map((c) => (
        <form key={c.id} method="post" onSubmit={form.onSubmit} className="admin-inline-form">
          <input type="hidden" name="categoryId" value={c.id} />
          <span>{c.name}</span>
          <ActionButton
            intent="deleteCategory"
            form={form}
            variant="secondary"
            pendingLabel="Removing…"
            ariaLabel={`Remove ${c.name}`}
          >
            Remove
          </ActionButton>
        </form>
      ))}
      <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
        <input type="hidden" name="systemId" value={systemId} />
        <TextField id={`${p}-name`} name="name" label="Category" errors={errors('name')} />
        <TextAreaField
          id={`${p}-purposes`}
          name="purposes"
          label="Purposes"
          hint="One per line."
          rows={2}
          errors={errors('purposes')}
        />
        <TextField id={`${p}-basis`} name="legalBasis" label="Legal basis" errors={errors('legalBasis')} />
        <TextAreaField
          id={`${p}-recipients`}
          name="recipients"
          label="Recipients"
          hint="One per line."
          rows={2}
          errors={errors('recipients')}
        />
        <TextField id={`${p}-retention`} name="retention" label="Retention" errors={errors('retention')} />
        <TextField id={`${p}-source`} name="source" label="Source" errors={errors('source')} />
        <ActionButton intent="saveCategory" form={form} pendingLabel="Adding…">
          Add category
        </ActionButton>
      </form>
    </details>
  );
}

/**
 * The categories whose retention period no admin has confirmed: data packages give the privacy
 * policy's criteria for them until an admin confirms the period here (audited).
 */
export function RetentionToConfirm({
  categories,
}: {
  categories: { id: string; name: string; systemName: string; retention: string }[];
}) {
  const form = useStaffForms({ confirmRetention: confirmRetentionAction });
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      <ul className="admin-list">
        {categories.map((c) => (
          <li key={c.id}>
            <form method="post" onSubmit={form.onSubmit} className="admin-inline-form">
              <input type="hidden" name="categoryId" value={c.id} />
              <span>
                {c.systemName}, {c.name}: {c.retention}
              </span>
              <ActionButton
                intent="confirmRetention"
                form={form}
                variant="secondary"
                pendingLabel="Confirming…"
                ariaLabel={`Confirm the retention of ${c.name} in ${c.systemName}`}
              >
                Confirm this period
              </ActionButton>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The transfer each recipient receives: its safeguard and destination, which data packages name for
 * that recipient (GDPR Art. 15(2)). One form per recipient; admins only.
 */
export function RecipientTransfers({
  recipients,
}: {
  recipients: {
    id: string;
    key: string;
    name: string;
    transferSafeguard: (typeof TRANSFER_SAFEGUARDS)[number] | null;
    transferCountry: string | null;
  }[];
}) {
  const form = useStaffForms({ saveRecipientTransfer: saveRecipientTransferAction });
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      <ul className="admin-list">
        {recipients.map((r) => (
          <li key={r.id}>
            <form method="post" onSubmit={form.onSubmit} noValidate className="admin-inline-form">
              <input type="hidden" name="recipientId" value={r.id} />
              <SelectField
                id={`rcp-${r.key}-transfer`}
                name="transferSafeguard"
                label={`Transfer safeguard for ${r.name}`}
                options={[
                  { value: '', label: 'Not recorded yet' },
                  ...TRANSFER_SAFEGUARDS.map((t) => ({ value: t, label: TRANSFER_SAFEGUARD_RULES[t].label })),
                ]}
                defaultValue={r.transferSafeguard ?? ''}
              />
              <TextField
                id={`rcp-${r.key}-country`}
                name="transferCountry"
                label={`Destination country for ${r.name}`}
                defaultValue={r.transferCountry ?? ''}
              />
              <ActionButton
                intent="saveRecipientTransfer"
                form={form}
                variant="secondary"
                pendingLabel="Saving…"
                ariaLabel={`Save the transfer of ${r.name}`}
              >
                Save transfer
              </ActionButton>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
