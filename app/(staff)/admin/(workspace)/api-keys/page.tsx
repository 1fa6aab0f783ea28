import type { Metadata } from 'next';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { API_KEY_SCOPES } from '@/lib/api-keys/scopes';
import { requireStaffPage } from '@/lib/auth/page-guard';
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
  return (
    <>
      <h1>API keys</h1>
      <p className="admin-hint">
        Other Bitstride systems call the portal with these keys, e.g. to report a Global Privacy Control signal (POST
        /api/v1/opt-outs, scope <code>opt-outs:write</code>). Only a hash of each key is kept.
      </p>
      <CreateApiKeyForm scopes={API_KEY_SCOPES.map(({ scope, label }) => ({ scope, label }))} />
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
