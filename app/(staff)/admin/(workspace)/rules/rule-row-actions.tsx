'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { FormResult, useActionForm } from '../../action-form';
import { changeAssignmentRuleAction } from '../../rule-actions';

type RuleChanges = ReturnType<typeof useActionForm>;
const RuleChangesContext = createContext<RuleChanges | null>(null);

/**
 * One result for every row button of the table, shown above it: a deleted rule's row (and its
 * form) is gone after the change, its result must not go with it.
 */
export function RuleChangesProvider({ children }: { children: ReactNode }) {
  const form = useActionForm(changeAssignmentRuleAction);
  return (
    <RuleChangesContext.Provider value={form}>
      <FormResult result={form.result} />
      {children}
    </RuleChangesContext.Provider>
  );
}

/** Reorder, enable or disable, and delete one rule: one form, the button says which. */
export function RuleRowActions({
  rule,
  first,
  last,
}: {
  rule: { id: string; name: string; active: boolean };
  first: boolean;
  last: boolean;
}) {
  const form = useContext(RuleChangesContext);
  if (!form) throw new Error('RuleRowActions needs a RuleChangesProvider');
  const button = (intent: string, label: string, text: string, variant = 'secondary') => (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={`admin-button admin-button--${variant}`}
      aria-label={label}
      disabled={form.pending}
    >
      {text}
    </button>
  );
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} className="admin-inline-form">
      <input type="hidden" name="ruleId" value={rule.id} />
      {!first && button('up', `Move ${rule.name} up`, 'Move up')}
      {!last && button('down', `Move ${rule.name} down`, 'Move down')}
      {rule.active
        ? button('disable', `Disable ${rule.name}`, 'Disable')
        : button('enable', `Enable ${rule.name}`, 'Enable')}
      {button('delete', `Delete ${rule.name}`, 'Delete', 'warning')}
    </form>
  );
}
