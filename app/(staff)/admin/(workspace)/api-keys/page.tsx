import type { Metadata } from 'next';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { API_KEY_SCOPES } from '@/lib/api-keys/scopes';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { listStaff } from '@/lib/staff/list-staff';
import { formatInstant } from '../../labels';
import { ApiKeyActions, CreateApiKeyForm } from './api-key-forms';

export const metadata: Metadata = { title: 'API keys' };

const UTC = 'UTC';

/**
 * Server API keys of Bitstride's other systems (lib/api-keys/): each key's prefix, scopes, creator,
 * last use and state. A key's secret is shown once, when it is created or rotated.
 */
export default async function ApiKeysPage() {
  const staff = await requireStaffPage('api-keys.manage', '/admin/api-keys');
  const keys = await listApiKeys({ staff });
  const members = (await listStaff({ staff }))
    .filter((m) => !m.deactivatedAt)
    .map((m) => ({ value: m.id, label: `${m.name ? `${m.name} (${m.email})` : m.email}, ${m.role}` }));
  return (
    <>
      <h1>API keys</h1>
      <p className="admin-hint">
        Other Bitstride systems call the portal with these keys, e.g. to report a Global Privacy Control signal (POST
        /api/v1/opt-outs, scope <code>opt-outs:write</code>), or to work requests through the staff API
        (/api/v1/staff/…). A key with staff scopes acts as one staff member: it can never do more than their role allows
        here, and stops working when they are deactivated. Every call is audited with the key’s name. Only a hash of
        each key is kept.
      </p>
      <CreateApiKeyForm
        scopes={API_KEY_SCOPES.map(({ scope, label, permission }) => ({ scope, label, staff: permission !== null }))}
        members={members}
      />
      <h2>Keys</h2>
      {keys.length === 0 ? (
        <p className="admin-muted">No keys yet.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Scopes</th>
              <th scope="col">Acts as</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}</code>
                  {k.rotatedFrom && <span className="admin-muted"> (replaces {k.rotatedFrom.prefix})</span>}
                </td>
                <td>{k.scopes.join(', ')}</td>
                <td>{k.actsAs?.email ?? '—'}</td>
                <td>
                  {formatInstant(k.createdAt, UTC)} by {k.createdBy.email}
                </td>
                <td>{k.lastUsedAt ? formatInstant(k.lastUsedAt, UTC) : 'Never'}</td>
                <td>
                  {k.revokedAt ? (
                    `Revoked ${formatInstant(k.revokedAt, UTC)}`
                  ) : (
                    <ApiKeyActions keyId={k.id} prefix={k.prefix} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
