/**
 * The authorization matrix for server actions: every export of every actions file under
 * app/(staff) is found on disk (so a new one cannot be forgotten), and called as each kind of
 * caller. Nothing may succeed past the permission check unless the role table allows it.
 * The staff API's routes (app/api/v1/staff) are found the same way and called with keys acting as
 * each role, with and without the route's scope: allowed exactly when the key holds the scope and
 * the role holds the permission the workspace's actions need for the same thing (decision 021).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../lib/auth/current-staff';
import { db } from '../../lib/db';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { can, PERMISSIONS, type Permission, type StaffRole } from '../../lib/permissions/staff-permissions';
import type { StaffAction } from '../../lib/auth/staff-action';
import { scopePermission } from '../../lib/api-keys/scopes';
import type { StaffApiRoute } from '../../lib/staff-api/staff-api-route';
import { resetDatabase } from '../support/reset-database';
import { aStaffMember } from '../support/staff';
import { aRawStaffKey } from '../support/staff-api';

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

  it('webhook endpoints are managed by admins only', async () => {
    expect(PERMISSIONS['webhooks.manage']).toEqual(['admin']);
    const file = files.find((f) => f.endsWith(path.join('admin', 'webhook-actions.ts')));
    expect(file, 'webhook-actions.ts is discovered').toBeDefined();
    const mod = (await import(file!)) as Record<string, StaffAction<never, unknown>>;
    expect(Object.values(mod).map((action) => action.permission)).toEqual(Array(7).fill('webhooks.manage'));
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

/** Every route.ts under `dir`, with the URL path it serves (`[id]` as a fresh uuid). */
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

const STAFF_API_DIR = path.resolve('app/api/v1/staff');
const STAFF_SCOPES = [
  'requests:read',
  'requests:reveal',
  'notes:write',
  'requests:assign',
  'tasks:write',
  'tasks:complete',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

type KeyCaller = { label: string; key: string | null; role: StaffRole | null; scopes: string[] };

describe('staff API routes with API keys', () => {
  const apiFiles = routeFiles(STAFF_API_DIR);
  let keyCallers: (route: StaffApiRoute<Record<string, string>>) => Promise<KeyCaller[]>;

  beforeAll(async () => {
    const admin = await aStaffMember('admin');
    const members = {
      viewer: await aStaffMember('viewer'),
      reviewer: await aStaffMember('reviewer'),
      admin,
    };
    const deactivated = await aStaffMember('admin', { deactivatedAt: new Date() });
    const raw = (actsAsId: string | null, scopes: string[]) =>
      aRawStaffKey({ actsAsId, scopes, createdById: admin.id });
    keyCallers = async (route) => {
      const without = STAFF_SCOPES.filter((s) => s !== route.scope);
      const revoked = await raw(admin.id, STAFF_SCOPES);
      await db().apiKey.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
      const byRole = await Promise.all(
        (['viewer', 'reviewer', 'admin'] as const).flatMap((role) => [
          raw(members[role].id, STAFF_SCOPES).then((k) => ({
            label: `${role} key with every staff scope`,
            key: k.key,
            role,
            scopes: STAFF_SCOPES,
          })),
          raw(members[role].id, without).then((k) => ({
            label: `${role} key without ${route.scope}`,
            key: k.key,
            role,
            scopes: without,
          })),
        ]),
      );
      return [
        { label: 'no key', key: null, role: null, scopes: [] },
        { label: 'a revoked admin key', key: revoked.key, role: null, scopes: STAFF_SCOPES },
        {
          label: 'a deactivated admin’s key',
          key: (await raw(deactivated.id, STAFF_SCOPES)).key,
          role: null,
          scopes: STAFF_SCOPES,
        },
        { label: 'an opt-outs key', key: (await raw(null, ['opt-outs:write'])).key, role: null, scopes: [] },
        ...byRole,
      ];
    };
  });

  it('are found on disk', () => {
    expect(apiFiles.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of apiFiles) {
    it(`${path.relative(process.cwd(), file)}: every method is a staffApiRoute allowed only to its scope and roles`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const methods = Object.keys(mod).filter((name) => METHODS.includes(name));
      expect(methods.length).toBeGreaterThan(0);
      const urlPath = `/${path.relative(path.resolve('app'), path.dirname(file)).split(path.sep).join('/')}`;
      for (const method of methods) {
        const route = mod[method] as StaffApiRoute<Record<string, string>>;
        expect(typeof route, method).toBe('function');
        expect(STAFF_SCOPES, `${method} ${urlPath} declares a staff scope`).toContain(route.scope);
        expect(route.permission).toBe(scopePermission(route.scope));
        for (const caller of await keyCallers(route)) {
          const id = crypto.randomUUID();
          const hasBody = method !== 'GET' && method !== 'DELETE';
          const request = new Request(`http://portal.test${urlPath.replace('[id]', id)}`, {
            method,
            headers: {
              ...(caller.key ? { authorization: `Bearer ${caller.key}` } : {}),
              ...(hasBody ? { 'content-type': 'application/json' } : {}),
            },
            body: hasBody ? '{}' : undefined,
          });
          const res = await route(request, { params: Promise.resolve({ id }) });
          const denied = res.status === 401 || res.status === 403;
          const allowed =
            caller.role !== null && caller.scopes.includes(route.scope) && can(caller.role, route.permission);
          expect(denied, `${method} ${urlPath} with ${caller.label}: ${res.status} ${await res.text()}`).toBe(!allowed);
        }
      }
    });
  }
});
