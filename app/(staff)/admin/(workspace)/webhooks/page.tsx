import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { env } from '@/lib/env';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types';
import { DELIVERY_LOG_SIZE, listWebhookEndpoints } from '@/lib/webhooks/list-webhook-endpoints';
import { formatInstant } from '../../labels';
import { CreateWebhookForm, WebhookEndpointActions } from './webhook-forms';

export const metadata: Metadata = { title: 'Webhooks' };

const UTC = 'UTC';
const EVENTS = WEBHOOK_EVENT_TYPES.map(({ type, label }) => ({ type, label }));

function answerOf(d: { lastStatusCode: number | null; lastError: string | null }) {
  return d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—');
}

/**
 * Outbound webhooks (lib/webhooks/, docs/decisions/020): each endpoint's events, state, last answer
 * and delivery log. A signing secret is shown once, when it is made.
 */
export default async function WebhooksPage() {
  const staff = await requireStaffPage('webhooks.manage', '/admin/webhooks');
  const endpoints = await listWebhookEndpoints({ staff });
  const failing = endpoints.filter((e) => !e.enabled && e.disabledReason === 'failures');
  return (
    <>
      <h1>Webhooks</h1>
      {failing.map((e) => (
        <div key={e.id} role="alert" className="admin-notice admin-notice--error">
          <p>
            “{e.name}” was disabled {e.disabledAt ? formatInstant(e.disabledAt, UTC) : ''} after {e.consecutiveFailures}{' '}
            failed attempts in a row. Nothing is sent to it until you enable it again.
          </p>
        </div>
      ))}
      <p className="admin-hint">
        The portal POSTs request events to these URLs as JSON, signed as{' '}
        <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> specifies (<code>webhook-id</code>,{' '}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>), and retries for about 16 hours until it gets a
        2xx answer. Events carry the request&apos;s id, reference, types, regime, status and due date, never personal
        data. After {env().WEBHOOK_DISABLE_AFTER_FAILURES} failed attempts in a row an endpoint is disabled and admins
        are emailed.
        {!env().WEBHOOK_PRIVATE_NETWORKS && ' Addresses in private networks are refused.'}
      </p>
      <CreateWebhookForm events={EVENTS} />
      <h2>Endpoints</h2>
      {endpoints.length === 0 && <p className="admin-muted">No endpoints yet.</p>}
      {endpoints.map((e) => (
        <section key={e.id} aria-labelledby={`endpoint-${e.id}`} className="admin-panel">
          <h3 id={`endpoint-${e.id}`}>{e.name}</h3>
          <dl className="admin-facts">
            <dt>URL</dt>
            <dd>
              <code className="admin-break">{e.url}</code>
            </dd>
            <dt>Events</dt>
            <dd>{e.events.join(', ')}</dd>
            <dt>State</dt>
            <dd>
              {e.enabled
                ? 'Enabled'
                : `Disabled ${e.disabledAt ? formatInstant(e.disabledAt, UTC) : ''} ${e.disabledReason === 'failures' ? 'after failures in a row' : 'by an admin'}`}
              {e.consecutiveFailures > 0 && ` (${e.consecutiveFailures} failed attempts in a row)`}
            </dd>
            <dt>Last answer</dt>
            <dd>
              {e.lastAttemptAt ? (
                <>
                  {answerOf(e)} in {e.lastDurationMs} ms, {formatInstant(e.lastAttemptAt, UTC)}
                  {e.lastResponse && <pre className="admin-prewrap">{e.lastResponse}</pre>}
                </>
              ) : (
                'Nothing sent yet'
              )}
            </dd>
            <dt>Added</dt>
            <dd>
              {formatInstant(e.createdAt, UTC)} by {e.createdBy.email}
            </dd>
          </dl>
          <WebhookEndpointActions
            endpoint={{ id: e.id, name: e.name, enabled: e.enabled, events: e.events }}
            events={EVENTS}
          />
          <h4>Delivery log (last {DELIVERY_LOG_SIZE})</h4>
          {e.deliveries.length === 0 ? (
            <p className="admin-muted">No deliveries yet.</p>
          ) : (
            <table className="admin-table">
              <caption className="visually-hidden">Deliveries to {e.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Request</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last answer</th>
                  <th scope="col">Time</th>
                  <th scope="col">Event id</th>
                </tr>
              </thead>
              <tbody>
                {e.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <code>{d.eventType}</code>
                    </td>
                    <td>{d.reference ?? '—'}</td>
                    <td>{d.status}</td>
                    <td>{d.attempts}</td>
                    <td>
                      {d.lastAttemptAt ? `${answerOf(d)} in ${d.lastDurationMs} ms` : 'Not tried yet'}
                      {d.lastResponse && <span className="admin-muted"> — {d.lastResponse.slice(0, 200)}</span>}
                    </td>
                    <td>{formatInstant(d.lastAttemptAt ?? d.createdAt, UTC)}</td>
                    <td>
                      <code>{d.eventId}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
