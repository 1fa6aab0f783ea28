import type { Metadata } from 'next';
import { listAssignmentRules } from '@/lib/assignment/list-assignment-rules';
import { ASSIGNMENT_CHANNELS } from '@/lib/assignment/schemas';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { JURISDICTION_GROUPS, JURISDICTION_LABELS, REQUEST_TYPES, type Jurisdiction } from '@/lib/universal/codes';
import { assignableStaff } from '../../assignable-staff';
import { TYPE_LABELS } from '../../labels';
import { RuleForm, type RuleChoices } from './rule-form';
import { RuleChangesProvider, RuleRowActions } from './rule-row-actions';

/**
 * 'same-origin' instead of the workspace's 'no-referrer': under 'no-referrer' a browser posting a
 * form sends `Origin: null`, which Next.js refuses for a server action, and these forms must work
 * without JavaScript. Nothing leaves for another site either way.
 */
export const metadata: Metadata = { title: 'Assignment rules', referrer: 'same-origin' };

const CHANNEL_LABELS: Record<(typeof ASSIGNMENT_CHANNELS)[number], string> = {
  web: 'Web form',
  api: 'API',
  drp: 'Data Rights Protocol (agents)',
};

const listed = (values: readonly string[], label: (v: string) => string, none: string) =>
  values.length === 0 ? none : values.map(label).join(', ');

/** Admins: the rules that assign requests entering the queue, tried in order; the first that matches wins. */
export default async function RulesPage() {
  const staff = await requireStaffPage('rules.manage', '/admin/rules');
  const [rules, people] = await Promise.all([listAssignmentRules({ staff }), assignableStaff()]);
  const choices: RuleChoices = {
    types: REQUEST_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })),
    jurisdictions: JURISDICTION_GROUPS.map((g) => ({
      label: g.label,
      options: g.jurisdictions.map((j) => ({ value: j, label: JURISDICTION_LABELS[j] })),
    })),
    channels: ASSIGNMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
    people,
  };
  return (
    <>
      <h1>Assignment rules</h1>
      <p>
        When a request is confirmed (or an opt-out arrives), the first active rule whose conditions all match assigns
        it; with no matching rule it stays unassigned. The assignee is told by email, and the request shows which rule
        assigned it.
      </p>
      <RuleChangesProvider>
        {rules.length === 0 ? (
          <p className="admin-muted">No rules yet: requests arrive unassigned.</p>
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Assignment rules, in the order they are tried</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Matches</th>
                  <th scope="col">Assigns to</th>
                  <th scope="col">State</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((rule, index) => (
                  <tr key={rule.id}>
                    <td>{index + 1}</td>
                    <th scope="row">
                      {rule.name}
                      <details>
                        <summary>Edit</summary>
                        <RuleForm
                          choices={choices}
                          rule={{
                            id: rule.id,
                            name: rule.name,
                            active: rule.active,
                            requestTypes: rule.requestTypes,
                            jurisdictions: rule.jurisdictions,
                            channels: rule.channels,
                            locales: rule.locales,
                            tags: rule.tags,
                            action: rule.action,
                            memberIds: rule.members.map((m) => m.userId),
                            openLimit: rule.openLimit,
                            skipOnLeave: rule.skipOnLeave,
                          }}
                        />
                      </details>
                    </th>
                    <td>
                      <ul className="admin-plain-list">
                        <li>
                          Types: {listed(rule.requestTypes, (t) => TYPE_LABELS[t as keyof typeof TYPE_LABELS], 'any')}
                        </li>
                        <li>
                          Regimes:{' '}
                          {listed(rule.jurisdictions, (j) => JURISDICTION_LABELS[j as Jurisdiction] ?? j, 'any')}
                        </li>
                        <li>
                          Channels:{' '}
                          {listed(rule.channels, (c) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] ?? c, 'any')}
                        </li>
                        {rule.tags.length > 0 && <li>Tags: any of {rule.tags.join(', ')}</li>}
                        {rule.locales.length > 0 && <li>Languages: {rule.locales.join(', ')} (not applied yet)</li>}
                      </ul>
                    </td>
                    <td>
                      {rule.action === 'person' ? 'One person: ' : 'In turn: '}
                      {rule.members.map((m) => m.user.name || m.user.email).join(', ')}
                      {rule.openLimit !== null && <p className="admin-hint">Skips people with {rule.openLimit} open</p>}
                      {rule.skipOnLeave && <p className="admin-hint">Skips people on leave</p>}
                    </td>
                    <td>{rule.active ? 'Active' : 'Disabled'}</td>
                    <td>
                      <RuleRowActions rule={rule} first={index === 0} last={index === rules.length - 1} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </RuleChangesProvider>
      <section aria-labelledby="new-rule-title" className="admin-panel admin-panel--form">
        <h2 id="new-rule-title">Add a rule</h2>
        <p className="admin-hint">New rules are tried last; move them up to try them earlier.</p>
        <RuleForm rule={null} choices={choices} />
      </section>
    </>
  );
}
