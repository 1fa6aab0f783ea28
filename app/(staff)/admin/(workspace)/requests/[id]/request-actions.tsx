'use client';

import type { FormEvent, ReactNode } from 'react';
import { DENIAL_REASONS } from '@/lib/requests/denial-notices';
import { EXEMPTION_BASES } from '@/lib/requests/exemption-bases';
import { StandardMessageButton } from './standard-message-button';
import {
  askRequesterAction,
  assignAction,
  completeAction,
  denyAction,
  extendAction,
  reopenAction,
  startAction,
} from '../../../actions';
import {
  ActionButton,
  ActionFeedback,
  SelectField,
  TextAreaField,
  TextField,
  fieldErrors,
  useStaffForms,
  type FormCheck,
} from '../../../staff-form';

export type AvailableActions = {
  start: boolean;
  assign: boolean;
  askRequester: boolean;
  extend: boolean;
  deny: boolean;
  complete: boolean;
  reopen: boolean;
};

const ACTIONS = {
  start: startAction,
  assign: assignAction,
  askRequester: askRequesterAction,
  extend: extendAction,
  deny: denyAction,
  complete: completeAction,
  reopen: reopenAction,
};

const CHECKS: Record<string, FormCheck> = {
  deny: (data) =>
    data.get('reason')
      ? null
      : { ok: false, error: 'Choose the reason for the denial.', fields: { reason: ['Choose a reason'] } },
};

const ASK_REASONS = [
  { value: 'awaiting_clarification', label: 'More information about the request' },
  { value: 'awaiting_identity', label: 'Proof of identity' },
] as const;

const DENY_REASONS = Object.entries(DENIAL_REASONS).map(([value, label]) => ({
  value,
  label: label[0].toUpperCase() + label.slice(1),
}));

/** One action's form; the less frequent ones fold away until opened. */
function ActionForm({
  title,
  open = false,
  onSubmit,
  requestId,
  children,
}: {
  title: string;
  open?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  requestId: string;
  children: ReactNode;
}) {
  const body = (
    <form method="post" onSubmit={onSubmit} className="admin-action-form" noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      {children}
    </form>
  );
  return open ? (
    <div className="admin-action">
      <h3>{title}</h3>
      {body}
    </div>
  ) : (
    <details className="admin-action">
      <summary>{title}</summary>
      {body}
    </details>
  );
}

/**
 * What staff can do next with this request, as the status machine allows. All forms share one
 * result, shown at the top, so it stays visible when the action removes its own form.
 */
export function RequestActions({
  requestId,
  available,
  assigneeId,
  people,
  extension,
  openTypes,
  pauseOptions,
  unprovenAccountEmail,
  workShortfall,
  standardMessages = {},
}: {
  requestId: string;
  available: AvailableActions;
  assigneeId: string | null;
  people: { value: string; label: string }[];
  extension: { allowed: boolean; explanation: string };
  /** The types not yet completed: with more than one, staff choose which are done. */
  openTypes: { value: string; label: string }[];
  /** Per reason, why waiting for it would not stop this request's clock (null: it would). */
  pauseOptions: { reason: (typeof ASK_REASONS)[number]['value']; refusal: string | null }[];
  /** The request names an account email not yet proven: warn before work starts. */
  unprovenAccountEmail: boolean;
  /** Why Start is refused for want of verification (the server refuses it too); null when it is not. */
  workShortfall: string | null;
  /** The standard staff messages in the request's language, by key (lib/templates/standard-messages.ts). */
  standardMessages?: Record<string, string>;
}) {
  const form = useStaffForms(ACTIONS, CHECKS);
  const { outcome } = form;
  const errors = (intent: string, field: string) => fieldErrors(outcome, intent, field);
  const anything = Object.values(available).some(Boolean);
  const shared = { onSubmit: form.onSubmit, requestId };
  const refusal = (reason: string) => pauseOptions.find((p) => p.reason === reason)?.refusal ?? null;
  const askReasons = ASK_REASONS.map((r) => ({
    value: r.value,
    label: refusal(r.value) ? `${r.label} (the clock keeps running)` : `${r.label} (pauses the clock)`,
  }));

  return (
    <>
      <ActionFeedback outcome={outcome} />
      {!anything && <p className="admin-muted">No actions are open for a request in this status.</p>}
      {available.start && (
        <ActionForm {...shared} title="Start work" open>
          <p className="admin-hint">Tells the requester that the privacy team is working on it.</p>
          {workShortfall && (
            <div className="admin-notice admin-notice--error" role="note">
              <p>
                <strong>Identity not verified enough.</strong> {workShortfall} The requester can prove more from their
                status page.
              </p>
            </div>
          )}
          {unprovenAccountEmail && (
            <div className="admin-notice admin-notice--error" role="note">
              <p>
                <strong>Unproven account email.</strong> The requester named another account email and has not proven it
                is theirs. Tasks look for data only under the proven address: anything held only under the other one is
                not collected, changed or erased. The requester can prove it from their status page; connector tasks
                then run again for it, and manual ones should look under it too.
              </p>
            </div>
          )}
          <ActionButton intent="start" form={form} pendingLabel="Starting…">
            Start work
          </ActionButton>
        </ActionForm>
      )}
      {available.assign && (
        <ActionForm {...shared} title="Assignment" open>
          <SelectField
            id="assign-assignee"
            name="assigneeId"
            label="Assigned to"
            options={[{ value: '', label: 'Nobody' }, ...people]}
            defaultValue={assigneeId ?? ''}
            errors={errors('assign', 'assigneeId')}
          />
          <ActionButton intent="assign" form={form} variant="secondary" pendingLabel="Saving…">
            Save assignment
          </ActionButton>
        </ActionForm>
      )}
      {available.askRequester && (
        <ActionForm {...shared} title="Ask the requester">
          <SelectField
            id="ask-reason"
            name="reason"
            label="What you need"
            options={askReasons}
            defaultValue="awaiting_clarification"
            errors={errors('askRequester', 'reason')}
          />
          <ul className="admin-hint" data-testid="pause-rules">
            {ASK_REASONS.map((r) => (
              <li key={r.value}>
                {r.label}:{' '}
                {refusal(r.value)
                  ? `the clock keeps running. ${refusal(r.value)}`
                  : 'the clock pauses until they answer.'}
              </li>
            ))}
          </ul>
          <TextAreaField
            id="ask-message"
            name="message"
            label="Message to the requester"
            hint="Emailed with a link to their status page, where they answer."
            errors={errors('askRequester', 'message')}
          />
          <StandardMessageButton
            target="ask-message"
            messages={standardMessages}
            prefix="standard.ask."
            reasonField="ask-reason"
          />
          <ActionButton intent="askRequester" form={form} pendingLabel="Sending…">
            Send to the requester
          </ActionButton>
        </ActionForm>
      )}
      {available.extend && (
        <ActionForm {...shared} title="Extend the deadline">
          {extension.allowed ? (
            <>
              <p className="admin-hint">{extension.explanation}</p>
              <TextAreaField
                id="extend-reason"
                name="reason"
                label="Why more time is needed"
                hint="The requester is told this reason."
                maxLength={2000}
                errors={errors('extend', 'reason')}
              />
              <StandardMessageButton target="extend-reason" messages={standardMessages} messageKey="standard.extend" />
              <ActionButton intent="extend" form={form} pendingLabel="Extending…">
                Extend the deadline
              </ActionButton>
            </>
          ) : (
            <p>{extension.explanation}</p>
          )}
        </ActionForm>
      )}
      {available.complete && (
        <ActionForm {...shared} title="Complete">
          {openTypes.length > 1 && (
            <fieldset>
              <legend>Parts completed now</legend>
              <input type="hidden" name="typesChosen" value="1" />
              {openTypes.map((t) => (
                <div className="admin-choice" key={t.value}>
                  <input type="checkbox" id={`complete-type-${t.value}`} name="types" value={t.value} defaultChecked />
                  <label htmlFor={`complete-type-${t.value}`}>{t.label}</label>
                </div>
              ))}
              <p className="admin-hint">
                Each part keeps its own deadline. Completing some tells the requester what was done; the request stays
                open, due at the nearest part still open.
              </p>
              {errors('complete', 'types')?.map((e) => (
                <p className="field-error" key={e}>
                  {e}
                </p>
              ))}
            </fieldset>
          )}
          <TextAreaField
            id="complete-message"
            name="message"
            label="Message to the requester"
            hint="Say what was done and how they receive their data, if any."
            rows={5}
            maxLength={10_000}
            errors={errors('complete', 'message')}
          />
          <ActionButton intent="complete" form={form} pendingLabel="Completing…">
            Complete and tell the requester
          </ActionButton>
        </ActionForm>
      )}
      {available.deny && (
        <ActionForm {...shared} title="Deny">
          <SelectField
            id="deny-reason"
            name="reason"
            label="Reason"
            options={DENY_REASONS}
            placeholder="Choose a reason"
            errors={errors('deny', 'reason')}
          />
          <div className="admin-choice">
            <input type="checkbox" id="deny-partial" name="partial" aria-describedby="deny-partial-hint" />
            <label htmlFor="deny-partial">Partial denial</label>
          </div>
          <p className="admin-hint" id="deny-partial-hint">
            Tick if part of the request was fulfilled and only the rest is refused.
          </p>
          <TextField
            id="deny-basis"
            name="basis"
            label="Legal basis (for an exemption)"
            hint="Required when the reason is an exemption: pick the exception relied on, or write it. The requester receives it."
            suggestions={EXEMPTION_BASES.map((b) => b.basis)}
            errors={errors('deny', 'basis')}
          />
          <TextAreaField
            id="deny-fulfilled"
            name="fulfilled"
            label="What was done"
            hint="Required for a partial denial, and for a California deletion refused under an exemption: what was provided or deleted, and what is kept."
            rows={3}
            maxLength={4000}
            errors={errors('deny', 'fulfilled')}
          />
          <TextAreaField
            id="deny-message"
            name="message"
            label="Message to the requester"
            hint="Explain the decision. The notice about their right to complain or appeal is added for their regime."
            rows={5}
            maxLength={10_000}
            errors={errors('deny', 'message')}
          />
          <StandardMessageButton
            target="deny-message"
            messages={standardMessages}
            prefix="standard.deny."
            reasonField="deny-reason"
          />
          <ActionButton intent="deny" form={form} variant="warning" pendingLabel="Denying…">
            Deny and tell the requester
          </ActionButton>
        </ActionForm>
      )}
      {available.reopen && (
        <ActionForm {...shared} title="Reopen">
          <TextAreaField
            id="reopen-reason"
            name="reason"
            label="Why it is reopened"
            maxLength={2000}
            errors={errors('reopen', 'reason')}
          />
          <ActionButton intent="reopen" form={form} variant="secondary" pendingLabel="Reopening…">
            Reopen the request
          </ActionButton>
        </ActionForm>
      )}
    </>
  );
}
