'use client';

import { changeRoleAction, deactivateStaffAction, removeSsoLinkAction } from '../../actions';
import { ROLE_LABELS } from '../../labels';
import { ActionButton, ActionFeedback, useStaffForms } from '../../staff-form';
import { AwayForm } from './away-form';

type SsoLink = { id: string; email: string; issuer: string; linked: string };
type Person = {
  id: string;
  email: string;
  name: string | null;
  role: keyof typeof ROLE_LABELS;
  invited: string;
  deactivated: string | null;
  /** The last day of their leave (YYYY-MM-DD), while it lasts. */
  lastDayAway: string | null;
  ssoLinks: SsoLink[];
};

const ROLES = Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[];

/**
 * Everyone with access, active first. One shared result above the table, so it stays visible when a
 * deactivated person's row loses its forms.
 */
export function StaffTable({ people, selfId }: { people: Person[]; selfId: string }) {
  const form = useStaffForms({
    role: changeRoleAction,
    deactivate: deactivateStaffAction,
    unlink: removeSsoLinkAction,
  });
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption className="visually-hidden">Staff members</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Invited</th>
              <th scope="col">Access</th>
              <th scope="col">On leave</th>
              <th scope="col">Single sign-on</th>
              <th scope="col">Remove access</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => {
              const who = person.name || person.email;
              return (
                <tr key={person.id}>
                  <th scope="row" className="admin-break">
                    {person.email}
                    {person.id === selfId && <span className="admin-muted"> (you)</span>}
                  </th>
                  <td>{person.name || <span className="admin-muted">—</span>}</td>
                  <td>
                    {person.deactivated ? (
                      ROLE_LABELS[person.role]
                    ) : (
                      <form method="post" onSubmit={form.onSubmit} className="admin-inline-form">
                        <input type="hidden" name="userId" value={person.id} />
                        <label htmlFor={`role-${person.id}`} className="visually-hidden">
                          Role of {who}
                        </label>
                        <select id={`role-${person.id}`} name="role" defaultValue={person.role}>
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABELS[role]}
                            </option>
                          ))}
                        </select>
                        <ActionButton
                          intent="role"
                          form={form}
                          variant="secondary"
                          pendingLabel="Saving…"
                          ariaLabel={`Change the role of ${who}`}
                        >
                          Change
                        </ActionButton>
                      </form>
                    )}
                  </td>
                  <td>{person.invited}</td>
                  <td>{person.deactivated ? `Deactivated ${person.deactivated}` : 'Active'}</td>
                  <td>
                    {!person.deactivated && <AwayForm userId={person.id} who={who} lastDayAway={person.lastDayAway} />}
                  </td>
                  <td>
                    {person.ssoLinks.length === 0 && <span className="admin-muted">Not linked</span>}
                    {person.ssoLinks.map((link) => (
                      <form key={link.id} method="post" onSubmit={form.onSubmit} className="admin-stack">
                        <input type="hidden" name="linkId" value={link.id} />
                        <span className="admin-break">
                          Linked {link.linked} as {link.email} at {link.issuer}
                        </span>
                        <ActionButton
                          intent="unlink"
                          form={form}
                          variant="secondary"
                          pendingLabel="Removing…"
                          ariaLabel={`Remove the single sign-on link of ${who}`}
                        >
                          Remove link
                        </ActionButton>
                      </form>
                    ))}
                  </td>
                  <td>
                    {!person.deactivated && person.id !== selfId && (
                      <form method="post" onSubmit={form.onSubmit}>
                        <input type="hidden" name="userId" value={person.id} />
                        <ActionButton
                          intent="deactivate"
                          form={form}
                          variant="warning"
                          pendingLabel="Removing…"
                          ariaLabel={`Deactivate ${who}`}
                        >
                          Deactivate
                        </ActionButton>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
