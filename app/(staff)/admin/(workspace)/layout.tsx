import type { ReactNode } from 'react';
import { can } from '@/lib/permissions/staff-permissions';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { ROLE_LABELS } from '../labels';
import { SignOutButton } from './sign-out-button';
import { WorkspaceNav } from './workspace-nav';

/**
 * The signed-in chrome. It sends signed-out (or deactivated) visitors to sign in before anything
 * streams, so they get a real redirect rather than a streamed one. Still not the security boundary:
 * every page calls requireStaffPage with its own permission.
 */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage('requests.read');
  const links = [
    { href: '/admin', label: 'Queue' },
    { href: '/admin/inventory', label: 'Data inventory' },
    { href: '/admin/appeals', label: 'Appeals' },
    { href: '/admin/complaints', label: 'Complaints' },
    ...(staff && can(staff.role, 'staff.manage') ? [{ href: '/admin/staff', label: 'Staff' }] : []),
    ...(staff && can(staff.role, 'rules.manage') ? [{ href: '/admin/rules', label: 'Assignment rules' }] : []),
    ...(staff && can(staff.role, 'templates.manage') ? [{ href: '/admin/templates', label: 'Email templates' }] : []),
    ...(staff && can(staff.role, 'metrics.read') ? [{ href: '/admin/metrics', label: 'Metrics' }] : []),
    ...(staff && can(staff.role, 'records.export') ? [{ href: '/admin/records', label: 'Records' }] : []),
    ...(staff && can(staff.role, 'audit.export') ? [{ href: '/admin/audit', label: 'Audit log' }] : []),
    ...(staff && can(staff.role, 'drp.agents.manage') ? [{ href: '/admin/drp-agents', label: 'DRP agents' }] : []),
    ...(staff && can(staff.role, 'api-keys.manage') ? [{ href: '/admin/api-keys', label: 'API keys' }] : []),
    ...(staff && can(staff.role, 'webhooks.manage') ? [{ href: '/admin/webhooks', label: 'Webhooks' }] : []),
    ...(staff && can(staff.role, 'redaction.patterns')
      ? [{ href: '/admin/redaction-patterns', label: 'Redaction' }]
      : []),
  ];
  return (
    <>
      {staff && (
        <div className="admin-bar">
          <div className="admin-bar__inner">
            <p className="admin-bar__title">Privacy workspace</p>
            <WorkspaceNav links={links} />
            <div className="admin-bar__user">
              <span>
                <span className="visually-hidden">Signed in as </span>
                {staff.email} <span className="admin-role">{ROLE_LABELS[staff.role]}</span>
              </span>
              <SignOutButton />
            </div>
          </div>
        </div>
      )}
      <main id="main" className="admin-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
