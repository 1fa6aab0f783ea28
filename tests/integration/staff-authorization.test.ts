/**
 * The authorization matrix for server actions: every export of every actions file under
 * app/(staff) is found on disk (so a new one cannot be forgotten), and called as each kind of
 * caller. Nothing may succeed past the permission check unless the role table allows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../lib/auth/current-staff';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { can, PERMISSIONS, type Permission } from '../../lib/permissions/staff-permissions';
import type { StaffAction } from '../../lib/auth/staff-action';
import { resetDatabase } from '../support/reset-database';
import { aStaffMember } from '../support/staff';

/** Every module under `dir` that declares 'use server' at its top: each export is a server action. */
function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(readFileSync(full, 'utf8')) ? [full] : [];
  });
}

const files = actionFiles(path.resolve('app/(staff)'));
type Caller = { label: string; identity: () => Promise<StaffIdentity | null> };
let callers: Caller[] = [];

beforeAll(async () => {
  await resetDatabase();
  const viewer = await aStaffMember('viewer');
  const reviewer = await aStaffMember('reviewer');
  const admin = await aStaffMember('admin');
  const deactivated = await aStaffMember('admin', { deactivatedAt: new Date() });
  callers = [
    // No session at all, and a requester holding a status-page link (which is no staff session).
    { label: 'anonymous', identity: async () => null },
    { label: 'requester with a status token', identity: async () => null },
    { label: 'viewer', identity: () => staffIdentity(viewer.id) },
    { label: 'reviewer', identity: () => staffIdentity(reviewer.id) },
    { label: 'admin', identity: () => staffIdentity(admin.id) },
    { label: 'deactivated admin', identity: () => staffIdentity(deactivated.id) },
  ];
});

describe('staff server actions', () => {
  it('are found on disk', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('assignment rules and staff leave are changed by admins only', async () => {
    expect(PERMISSIONS['rules.manage']).toEqual(['admin']);
    const file = files.find((f) => f.endsWith(path.join('admin', 'rule-actions.ts')));
    expect(file, 'rule-actions.ts is discovered').toBeDefined();
    const mod = (await import(file!)) as Record<string, StaffAction<never, unknown>>;
    expect(Object.fromEntries(Object.entries(mod).map(([name, action]) => [name, action.permission]))).toEqual({
      saveAssignmentRuleAction: 'rules.manage',
      changeAssignmentRuleAction: 'rules.manage',
      setStaffAwayAction: 'staff.manage',
    });
  });

  it('email templates are edited, previewed and reverted by admins only', async () => {
    expect(PERMISSIONS['templates.manage']).toEqual(['admin']);
    const file = files.find((f) => f.endsWith(path.join('admin', 'template-actions.ts')));
    expect(file, 'template-actions.ts is discovered').toBeDefined();
    const mod = (await import(file!)) as Record<string, StaffAction<never, unknown>>;
    expect(Object.fromEntries(Object.entries(mod).map(([name, action]) => [name, action.permission]))).toEqual({
      saveTemplateAction: 'templates.manage',
      previewTemplateAction: 'templates.manage',
      revertTemplateAction: 'templates.manage',
    });
  });

  for (const file of files) {
    it(`${path.relative(process.cwd(), file)}: every export is a staffAction allowed only to its roles`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const exports = Object.entries(mod);
      expect(exports.length).toBeGreaterThan(0);
      for (const [name, value] of exports) {
        const action = value as StaffAction<never, unknown>;
        expect(typeof action, name).toBe('function');
        expect(Object.keys(PERMISSIONS), `${name} declares a known permission`).toContain(action.permission);
        for (const caller of callers) {
          const identity = await caller.identity();
          const result = await action.runAs(identity, {} as never);
          const denied = !result.ok && /sign in|cannot do this/i.test(result.error);
          const allowed = identity !== null && can(identity.role, action.permission as Permission);
          expect(denied, `${name} as ${caller.label}: ${JSON.stringify(result)}`).toBe(!allowed);
        }
      }
    });
  }
});
