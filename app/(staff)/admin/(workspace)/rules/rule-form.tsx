'use client';

import { FieldError } from '@/app/components/field-error';
import { saveAssignmentRuleAction } from '../../rule-actions';
import { FormResult, useActionForm } from '../../action-form';

export type Choice = { value: string; label: string };
export type RuleValues = {
  id: string;
  name: string;
  active: boolean;
  requestTypes: string[];
  jurisdictions: string[];
  channels: string[];
  locales: string[];
  tags: string[];
  action: 'person' | 'round_robin';
  memberIds: string[];
  openLimit: number | null;
  skipOnLeave: boolean;
};
export type RuleChoices = {
  types: Choice[];
  jurisdictions: { label: string; options: Choice[] }[];
  channels: Choice[];
  people: Choice[];
};

/** One group of checkboxes; its error is said once, on the group. */
function Checkboxes({
  id,
  name,
  legend,
  hint,
  groups,
  checked,
  errors,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  groups: { label?: string; options: Choice[] }[];
  checked: readonly string[];
  errors?: string[];
}) {
  const described = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={errors?.length ? 'admin-field admin-field--error admin-checks' : 'admin-field admin-checks'}
      aria-describedby={described}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="admin-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
      {groups.map((group, g) => (
        <div key={group.label ?? g} className="admin-check-group">
          {group.label && <p className="admin-hint">{group.label}</p>}
          {group.options.map((o) => (
            <label key={o.value} className="admin-choice">
              <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}

/** Create a rule, or edit one: conditions (empty: any), who it assigns to, and the skip options. */
export function RuleForm({ rule, choices }: { rule: RuleValues | null; choices: RuleChoices }) {
  const form = useActionForm(saveAssignmentRuleAction, { resetOnSuccess: !rule });
  const p = rule ? `rule-${rule.id}` : 'rule-new';
  const text = (field: string) => (form.errors(field)?.length ? 'admin-field admin-field--error' : 'admin-field');
  const describedBy = (field: string, hint?: boolean) =>
    [hint && `${p}-${field}-hint`, form.errors(field)?.length && `${p}-${field}-error`].filter(Boolean).join(' ') ||
    undefined;
  return (
    <form
      ref={form.formRef}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="admin-stack"
      aria-label={rule ? `Edit rule ${rule.name}` : 'New assignment rule'}
    >
      <FormResult result={form.result} />
      {rule && <input type="hidden" name="id" value={rule.id} />}
      {rule && <input type="hidden" name="active" value={rule.active ? 'true' : 'false'} />}
      <div className={text('name')}>
        <label htmlFor={`${p}-name`}>Name</label>
        <FieldError id={`${p}-name-error`} messages={form.errors('name')} />
        <input
          id={`${p}-name`}
          name="name"
          type="text"
          maxLength={200}
          autoComplete="off"
          defaultValue={rule?.name}
          aria-invalid={form.errors('name')?.length ? true : undefined}
          aria-describedby={describedBy('name')}
        />
      </div>
      <Checkboxes
        id={`${p}-types`}
        name="requestTypes"
        legend="Request types"
        hint="A request matches when it has any of them. None ticked: any type."
        groups={[{ options: choices.types }]}
        checked={rule?.requestTypes ?? []}
        errors={form.errors('requestTypes')}
      />
      <Checkboxes
        id={`${p}-jurisdictions`}
        name="jurisdictions"
        legend="Regimes"
        hint="None ticked: any regime."
        groups={choices.jurisdictions}
        checked={rule?.jurisdictions ?? []}
        errors={form.errors('jurisdictions')}
      />
      <Checkboxes
        id={`${p}-channels`}
        name="channels"
        legend="Channels"
        hint="None ticked: any channel."
        groups={[{ options: choices.channels }]}
        checked={rule?.channels ?? []}
        errors={form.errors('channels')}
      />
      <div className={text('locales')}>
        <label htmlFor={`${p}-locales`}>Languages (optional)</label>
        <p className="admin-hint" id={`${p}-locales-hint`}>
          Language tags separated by commas, such as fr, pt-BR. Requests do not record a language yet: until they do,
          this condition is not applied.
        </p>
        <FieldError id={`${p}-locales-error`} messages={form.errors('locales')} />
        <input
          id={`${p}-locales`}
          name="locales"
          type="text"
          autoComplete="off"
          defaultValue={rule?.locales.join(', ')}
          aria-invalid={form.errors('locales')?.length ? true : undefined}
          aria-describedby={describedBy('locales', true)}
        />
      </div>
      <div className={text('tags')}>
        <label htmlFor={`${p}-tags`}>Tags (optional)</label>
        <p className="admin-hint" id={`${p}-tags-hint`}>
          Request tags separated by commas, such as vip, press: the rule matches a request with any of them. Empty: any
          request, tagged or not.
        </p>
        <FieldError id={`${p}-tags-error`} messages={form.errors('tags')} />
        <input
          id={`${p}-tags`}
          name="tags"
          type="text"
          autoComplete="off"
          defaultValue={rule?.tags.join(', ')}
          aria-invalid={form.errors('tags')?.length ? true : undefined}
          aria-describedby={describedBy('tags', true)}
        />
      </div>
      <fieldset
        className={form.errors('action')?.length ? 'admin-field admin-field--error' : 'admin-field'}
        aria-describedby={form.errors('action')?.length ? `${p}-action-error` : undefined}
      >
        <legend>Assign to</legend>
        <FieldError id={`${p}-action-error`} messages={form.errors('action')} />
        <label className="admin-choice">
          <input type="radio" name="action" value="person" defaultChecked={rule?.action === 'person'} /> One person
        </label>
        <label className="admin-choice">
          <input type="radio" name="action" value="round_robin" defaultChecked={rule?.action === 'round_robin'} /> The
          people below in turn (round-robin)
        </label>
      </fieldset>
      <Checkboxes
        id={`${p}-members`}
        name="memberIds"
        legend="People"
        hint="Active reviewers and admins. Round-robin takes them in this order."
        groups={[{ options: choices.people }]}
        checked={rule?.memberIds ?? []}
        errors={form.errors('memberIds')}
      />
      <div className={text('openLimit')}>
        <label htmlFor={`${p}-limit`}>Skip people with this many open requests (optional)</label>
        <FieldError id={`${p}-openLimit-error`} messages={form.errors('openLimit')} />
        <input
          id={`${p}-limit`}
          name="openLimit"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={rule?.openLimit ?? ''}
          aria-invalid={form.errors('openLimit')?.length ? true : undefined}
          aria-describedby={describedBy('openLimit')}
        />
      </div>
      <label className="admin-choice">
        <input type="checkbox" name="skipOnLeave" defaultChecked={rule?.skipOnLeave ?? true} /> Skip people on leave
      </label>
      <div>
        <button type="submit" className="admin-button admin-button--primary" disabled={form.pending}>
          {form.pending ? 'Saving…' : rule ? 'Save rule' : 'Add rule'}
        </button>
      </div>
    </form>
  );
}
