'use client';

import { FieldError } from '@/app/components/field-error';
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  disableWebhookEndpointAction,
  enableWebhookEndpointAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  updateWebhookEventsAction,
} from '../../webhook-actions';
import { ActionButton, ActionFeedback, type Outcome, TextField, fieldErrors, useStaffForms } from '../../staff-form';

type EventChoice = { type: string; label: string };

/** A create or re-key outcome's signing secret, shown once with the action's message. */
function shownOnce(outcome: Outcome) {
  if (!outcome?.result.ok) return null;
  const data = outcome.result.data as { secret?: string } | undefined;
  return (
    <>
      <p>{outcome.result.message}</p>
      {data?.secret && (
        <p>
          <label htmlFor={`secret-${outcome.seq}`}>Signing secret</label>{' '}
          <input id={`secret-${outcome.seq}`} readOnly value={data.secret} size={60} />
        </p>
      )}
    </>
  );
}

function EventCheckboxes({
  idPrefix,
  events,
  checked,
  errors,
}: {
  idPrefix: string;
  events: readonly EventChoice[];
  checked: readonly string[];
  errors?: string[];
}) {
  return (
    <fieldset
      className={errors?.length ? 'admin-field admin-field--error' : 'admin-field'}
      aria-describedby={errors?.length ? `${idPrefix}-events-error` : undefined}
    >
      <legend>Events</legend>
      <FieldError id={`${idPrefix}-events-error`} messages={errors} />
      {events.map((e) => (
        <div key={e.type}>
          <input
            type="checkbox"
            id={`${idPrefix}-${e.type}`}
            name="events"
            value={e.type}
            defaultChecked={checked.includes(e.type)}
          />{' '}
          <label htmlFor={`${idPrefix}-${e.type}`}>
            <code>{e.type}</code>: {e.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function CreateWebhookForm({ events }: { events: readonly EventChoice[] }) {
  const form = useStaffForms({ create: createWebhookEndpointAction });
  const errors = (field: string) => fieldErrors(form.outcome, 'create', field);
  return (
    <section aria-labelledby="create-webhook-title" className="admin-panel admin-panel--form">
      <h2 id="create-webhook-title">Add an endpoint</h2>
      <form method="post" onSubmit={form.onSubmit} noValidate className="admin-stack">
        <ActionFeedback outcome={form.outcome} successText={shownOnce} />
        <TextField
          id="webhook-name"
          name="name"
          label="Name (which system receives it)"
          required
          errors={errors('name')}
        />
        <TextField
          id="webhook-url"
          name="url"
          label="URL"
          hint="Where events are POSTed, e.g. https://hooks.example.com/privacy"
          required
          errors={errors('url')}
        />
        <EventCheckboxes idPrefix="new" events={events} checked={[]} errors={errors('events')} />
        <ActionButton intent="create" form={form} pendingLabel="Adding…">
          Add endpoint
        </ActionButton>
      </form>
    </section>
  );
}

/** The buttons of one endpoint and its events form; the outcome (a new secret) shows above them. */
export function WebhookEndpointActions({
  endpoint,
  events,
}: {
  endpoint: { id: string; name: string; enabled: boolean; events: string[] };
  events: readonly EventChoice[];
}) {
  const form = useStaffForms({
    test: sendTestWebhookAction,
    enable: enableWebhookEndpointAction,
    disable: disableWebhookEndpointAction,
    rotate: rotateWebhookSecretAction,
    delete: deleteWebhookEndpointAction,
    events: updateWebhookEventsAction,
  });
  return (
    <div className="admin-stack">
      <ActionFeedback outcome={form.outcome} successText={shownOnce} />
      <form method="post" onSubmit={form.onSubmit} className="admin-action-form">
        <input type="hidden" name="endpointId" value={endpoint.id} />
        {endpoint.enabled && (
          <>
            <ActionButton
              intent="test"
              form={form}
              pendingLabel="Sending…"
              ariaLabel={`Send a test event to ${endpoint.name}`}
            >
              Send test event
            </ActionButton>{' '}
          </>
        )}
        {endpoint.enabled ? (
          <ActionButton
            intent="disable"
            form={form}
            pendingLabel="Disabling…"
            variant="secondary"
            ariaLabel={`Disable ${endpoint.name}`}
          >
            Disable
          </ActionButton>
        ) : (
          <ActionButton
            intent="enable"
            form={form}
            pendingLabel="Enabling…"
            variant="secondary"
            ariaLabel={`Enable ${endpoint.name}`}
          >
            Enable
          </ActionButton>
        )}{' '}
        <ActionButton
          intent="rotate"
          form={form}
          pendingLabel="Making…"
          variant="secondary"
          ariaLabel={`Make a new signing secret for ${endpoint.name}`}
        >
          New secret
        </ActionButton>{' '}
        <ActionButton
          intent="delete"
          form={form}
          pendingLabel="Deleting…"
          variant="warning"
          ariaLabel={`Delete ${endpoint.name}`}
        >
          Delete
        </ActionButton>
      </form>
      <details>
        <summary>Change events</summary>
        <form method="post" onSubmit={form.onSubmit} className="admin-stack" data-intent="events">
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <EventCheckboxes
            idPrefix={endpoint.id}
            events={events}
            checked={endpoint.events}
            errors={fieldErrors(form.outcome, 'events', 'events')}
          />
          <ActionButton intent="events" form={form} pendingLabel="Saving…" variant="secondary">
            Save events
          </ActionButton>
        </form>
      </details>
    </div>
  );
}
