import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { can } from '@/lib/permissions/staff-permissions';
import { listInventory } from '@/lib/fulfilment/list-inventory';
import { listRecipients } from '@/lib/fulfilment/list-recipients';
import { RECIPIENT_ROLE_LABELS } from '@/lib/fulfilment/recipient-rules';
import { TASK_TYPE_LABELS } from '@/lib/fulfilment/task-types';
import { assignableStaff } from '../../assignable-staff';
import { TRANSFER_SAFEGUARD_RULES } from '@/lib/fulfilment/transfer-safeguards';
import { CategoryForm, RecipientTransfers, RetentionToConfirm, SystemForm } from './inventory-forms';

export const metadata: Metadata = { title: 'Data inventory' };

const KIND_LABELS = { manual: 'Manual', postgres: 'PostgreSQL connector', webhook: 'Webhook connector' } as const;

/** The systems that hold personal data, what each holds and why: the source of every request's tasks and of the Art. 15 information. */
export default async function InventoryPage() {
  const staff = await requireStaffPage('requests.read', '/admin/inventory');
  const [systems, people, recipients] = await Promise.all([
    listInventory({ staff }),
    assignableStaff(),
    listRecipients({ staff }),
  ]);
  const canEdit = can(staff.role, 'inventory.manage');
  const unconfirmed = systems.flatMap((s) =>
    s.categories
      .filter((c) => !c.retentionConfirmedAt)
      .map((c) => ({ id: c.id, name: c.name, systemName: s.name, retention: c.retention })),
  );
  return (
    <>
      <h1>Data inventory</h1>
      <p>
        Each system gets one task per request that concerns it. The categories are what we tell requesters about their
        data.
      </p>
      {unconfirmed.length > 0 && (
        <section aria-labelledby="retention-unconfirmed" className="admin-panel">
          <h2 id="retention-unconfirmed">Retention periods to confirm</h2>
          <p>
            The privacy policy states no period for these categories. Until an admin confirms a period, data packages
            give the policy&apos;s retention criteria instead.
          </p>
          {canEdit ? (
            <RetentionToConfirm categories={unconfirmed} />
          ) : (
            <ul className="admin-list">
              {unconfirmed.map((c) => (
                <li key={c.id}>
                  {c.systemName}, {c.name}: {c.retention}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {systems.length === 0 && <p className="admin-muted">No systems yet.</p>}
      <section aria-labelledby="recipients" className="admin-panel">
        <h2 id="recipients">Recipients</h2>
        <p>
          Who the data is disclosed to. When a correction, erasure or restriction is carried out, each recipient the
          requester&rsquo;s regime requires gets a task to tell it (lib/fulfilment/recipient-rules.ts).
        </p>
        <table className="admin-table">
          <caption>Recipients of personal data</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Categories disclosed</th>
              <th scope="col">Contact for notices</th>
              <th scope="col">International transfer</th>
              <th scope="col">Active</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{RECIPIENT_ROLE_LABELS[r.role]}</td>
                <td>{r.categories.join('; ') || '—'}</td>
                <td>{r.contact}</td>
                <td>
                  {r.transferSafeguard
                    ? `${TRANSFER_SAFEGUARD_RULES[r.transferSafeguard].label}${r.transferCountry ? ` (${r.transferCountry})` : ''}`
                    : 'Not recorded yet'}
                </td>
                <td>{r.active ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit && (
          <>
            <h3>Transfers to recipients</h3>
            <p>
              The safeguard each recipient&rsquo;s transfer relies on, which data packages name for that recipient (GDPR
              Art. 15(2)).
            </p>
            <RecipientTransfers recipients={recipients} />
          </>
        )}
      </section>
      {systems.map((system) => (
        <section key={system.id} aria-labelledby={`system-${system.key}`} className="admin-panel">
          <h2 id={`system-${system.key}`}>{system.name}</h2>
          <dl className="admin-facts">
            <div>
              <dt>Kind</dt>
              <dd>
                {KIND_LABELS[system.kind]}
                {system.active ? '' : ' (inactive)'}
              </dd>
            </div>
            <div>
              <dt>Owner</dt>
              <dd>{system.owner ? system.owner.name || system.owner.email : 'Nobody'}</dd>
            </div>
            <div>
              <dt>Tasks</dt>
              <dd>{system.taskTypes.map((t) => TASK_TYPE_LABELS[t]).join(', ') || 'None'}</dd>
            </div>
            <div>
              <dt>International transfer</dt>
              <dd>
                {system.transferSafeguard
                  ? `${TRANSFER_SAFEGUARD_RULES[system.transferSafeguard].label}${system.transferCountry ? ` (${system.transferCountry})` : ''}`
                  : 'Not recorded yet'}
              </dd>
            </div>
            {system.kind === 'postgres' && (
              <div>
                <dt>Database</dt>
                <dd className="admin-break">{system.connectionUrl}</dd>
              </div>
            )}
            {system.kind === 'webhook' && (
              <div>
                <dt>Webhook</dt>
                <dd className="admin-break">
                  {system.webhookUrl}
                  {system.allowPrivateNetwork ? ' (private network allowed)' : ''}
                </dd>
              </div>
            )}
          </dl>
          {system.description && <p>{system.description}</p>}
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Data categories in {system.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Purposes</th>
                  <th scope="col">Legal basis</th>
                  <th scope="col">Recipients</th>
                  <th scope="col">Retention</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {system.categories.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{c.purposes.join('; ')}</td>
                    <td>{c.legalBasis}</td>
                    <td>{c.recipients.join('; ') || '—'}</td>
                    <td>
                      {c.retention}
                      {c.retentionConfirmedAt ? '' : ' (unconfirmed)'}
                    </td>
                    <td>{c.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canEdit && (
            <>
              <SystemForm system={system} people={people} />
              <CategoryForm systemId={system.id} systemName={system.name} categories={system.categories} />
            </>
          )}
        </section>
      ))}
      {canEdit && (
        <section aria-labelledby="new-system" className="admin-panel admin-panel--form">
          <h2 id="new-system">Add a system</h2>
          <SystemForm system={null} people={people} />
        </section>
      )}
    </>
  );
}
