'use client';

import type { ReactNode } from 'react';
import type { ActionResult } from '@/lib/auth/staff-action';
import { bulkAssignAction, bulkDenyAction } from '../../actions';
import {
  ActionButton,
  ActionFeedback,
  SelectField,
  TextAreaField,
  fieldErrors,
  useStaffForms,
  type FormCheck,
} from '../../staff-form';

const BULK_DENY_REASONS = [
  { value: 'duplicate', label: 'Duplicate of a request already handled' },
  { value: 'manifestly_unfounded', label: 'Spam, or manifestly unfounded' },
];

const NOTHING_SELECTED: ActionResult<never> = {
  ok: false,
  error: 'Select at least one request.',
  fields: { requestIds: ['Select at least one request in the table'] },
};

const CHECKS: Record<string, FormCheck> = {
  // An empty choice would unassign: make "nobody" an explicit choice.
  assign: (data) =>
    !data.has('requestIds')
      ? NOTHING_SELECTED
      : data.get('assigneeId')
        ? null
        : {
            ok: false,
            error: 'Choose who to assign the selected requests to.',
            fields: { assigneeId: ['Choose a person, or “Nobody”'] },
          },
  deny: (data) => (data.has('requestIds') ? null : NOTHING_SELECTED),
};

/**
 * One form around the queue's table, so each row's box is one of its `requestIds`. Its buttons
 * name the action: assign the selected rows, or (admins) deny them as duplicates or spam.
 */
export function BulkActionsForm({
  children,
  people,
  canDeny,
  hasRows,
}: {
  children: ReactNode;
  people: { value: string; label: string }[];
  canDeny: boolean;
  hasRows: boolean;
}) {
  const form = useStaffForms({ assign: bulkAssignAction, deny: bulkDenyAction }, CHECKS);
  const { outcome } = form;
  const selectionError = fieldErrors(outcome, outcome?.intent ?? '', 'requestIds');
  // Mounted even when the last action emptied the page: the feedback keeps its place and is announced.
  return (
    <>
      <ActionFeedback outcome={outcome} />
      {hasRows ? (
        <form method="post" onSubmit={form.onSubmit} noValidate>
          <section className="admin-bulk" aria-labelledby="bulk-title">
            <h2 id="bulk-title">With the selected requests</h2>
            {selectionError && (
              <p className="field-error" id="bulk-selection-error">
                {selectionError.join(' ')}
              </p>
            )}
            <div className="admin-bulk__groups">
              <fieldset>
                <legend>Assign</legend>
                <SelectField
                  id="bulk-assignee"
                  name="assigneeId"
                  label="Assign to"
                  options={[{ value: 'none', label: 'Nobody (unassign)' }, ...people]}
                  placeholder="Choose a person"
                  errors={fieldErrors(outcome, 'assign', 'assigneeId')}
                />
                <ActionButton intent="assign" form={form} pendingLabel="Assigning…">
                  Assign selected
                </ActionButton>
              </fieldset>
              {canDeny && (
                <fieldset>
                  <legend>Deny as duplicate or spam</legend>
                  <SelectField
                    id="bulk-deny-reason"
                    name="reason"
                    label="Reason"
                    options={BULK_DENY_REASONS}
                    defaultValue="duplicate"
                    errors={fieldErrors(outcome, 'deny', 'reason')}
                  />
                  <TextAreaField
                    id="bulk-deny-message"
                    name="message"
                    label="Message to each requester"
                    hint="Sent with the notice each request's regime requires."
                    rows={2}
                    maxLength={10_000}
                    errors={fieldErrors(outcome, 'deny', 'message')}
                  />
                  <ActionButton intent="deny" form={form} variant="warning" pendingLabel="Denying…">
                    Deny selected
                  </ActionButton>
                </fieldset>
              )}
            </div>
          </section>
          {children}
        </form>
      ) : (
        children
      )}
    </>
  );
}
