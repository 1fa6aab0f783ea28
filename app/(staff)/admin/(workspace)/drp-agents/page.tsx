import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { env } from '@/lib/env';
import { listDrpAgents } from '@/lib/drp/list-drp-agents';
import { DrpAgentForm } from './drp-agent-form';

export const metadata: Metadata = { title: 'DRP agents' };

/** The Authorized Agents the Data Rights Protocol API trusts (lib/drp): who they are, their key, their state. */
export default async function DrpAgentsPage() {
  const staff = await requireStaffPage('drp.agents.manage', '/admin/drp-agents');
  const agents = await listDrpAgents({ staff });
  const { drpEnabled, DRP_BUSINESS_ID } = env();
  return (
    <>
      <h1>DRP agents</h1>
      <p>
        Authorized Agents file requests through the Data Rights Protocol, signed with their key.{' '}
        {drpEnabled
          ? `The API is on at /api/drp; our business id is ${DRP_BUSINESS_ID}.`
          : 'The API is off: set DRP_BUSINESS_ID (and DRP_ENABLED) to turn it on.'}
      </p>
      <table className="admin-table">
        <caption>Trusted agents</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Name</th>
            <th scope="col">From</th>
            <th scope="col">State</th>
            <th scope="col">Private networks</th>
            <th scope="col">Last paired</th>
            <th scope="col">Requests</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.id}</th>
              <td>{a.name}</td>
              <td>{a.source === 'env' ? 'DRP_AGENTS' : 'Added here'}</td>
              <td>{a.enabled ? 'Enabled' : 'Disabled'}</td>
              <td>{a.allowPrivateNetwork ? 'Allowed' : 'Refused'}</td>
              <td>{a.pairedAt ? a.pairedAt.toISOString() : 'Never'}</td>
              <td>{a.requests}</td>
            </tr>
          ))}
          {agents.length === 0 && (
            <tr>
              <td colSpan={7}>No agents yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      {agents.map((a) => (
        <DrpAgentForm key={a.id} agent={a} />
      ))}
      <section aria-labelledby="add-agent" className="admin-panel">
        <h2 id="add-agent">Add an agent</h2>
        <DrpAgentForm agent={null} />
      </section>
    </>
  );
}
