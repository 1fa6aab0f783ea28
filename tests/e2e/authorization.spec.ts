/**
 * The authorization matrix for staff pages and route handlers, over HTTP against the built app.
 * Pages and routes are discovered from the code, so a new one cannot be forgotten: every staff page
 * must call requireStaffPage (its permission is read from that call) unless it is a sign-in page,
 * and every admin route must appear in ROUTE_PERMISSIONS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { can, type Permission, type StaffRole } from '../../lib/permissions/staff-permissions';
import { createSession, createStaff } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

const PUBLIC_STAFF_PAGES = new Set(['/admin/sign-in', '/admin/sign-in/check-email']);
const ROUTE_PERMISSIONS: Record<
  string,
  {
    method: 'GET' | 'POST';
    query: string;
    permission: Permission;
    form?: Record<string, string>;
    allowedStatus?: number;
  }
> = {
  '/api/admin/audit-log': { method: 'GET', query: '?from=2026-01-01&to=2026-12-31', permission: 'audit.export' },
  '/api/admin/records': { method: 'GET', query: '?from=2026-01-01&to=2026-12-31', permission: 'records.export' },
  '/api/admin/ccpa-report': { method: 'GET', query: '?year=2025&format=csv', permission: 'metrics.read' },
  // No document has this id: allowed roles get past the permission check to "not found".
  '/api/admin/evidence/[evidenceId]': {
    method: 'GET',
    query: '',
    permission: 'evidence.review',
    allowedStatus: 404,
  },
  // No request has this id: allowed roles get past the permission check to "not found".
  '/api/admin/requests/[id]/agent-document': {
    method: 'GET',
    query: '',
    permission: 'agents.proof.view',
    allowedStatus: 404,
  },
  // No request or pattern has this id: allowed roles get past the permission check, back to the page.
  '/api/admin/requests/[id]/redactions': {
    method: 'POST',
    query: '',
    permission: 'packages.review',
    form: { dataset: 'usage/usage_events', kind: 'field', target: 'endpoint', reason: 'third_party' },
    allowedStatus: 303,
  },
  '/api/admin/requests/[id]/package-release': {
    method: 'POST',
    query: '',
    permission: 'packages.review',
    form: { release: 'yes' },
    allowedStatus: 303,
  },
  '/api/admin/redaction-patterns': {
    method: 'POST',
    query: '',
    permission: 'redaction.patterns',
    form: { remove: '00000000-0000-4000-8000-000000000000' },
    allowedStatus: 303,
  },
  '/api/admin/queue-search': {
    method: 'POST',
    query: '',
    permission: 'requests.read',
    form: { q: 'someone@example.com' },
    allowedStatus: 303,
  },
};

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, name) : e.name === name ? [full] : [];
  });
}

/** app/(staff)/admin/(workspace)/requests/[id]/page.tsx -> /admin/requests/[id] */
function urlPath(file: string): string {
  const rel = path
    .relative('app', path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${rel.join('/')}`;
}

const pages = files('app/(staff)', 'page.tsx').map((file) => {
  const source = readFileSync(file, 'utf8');
  const permission = /requireStaffPage\(\s*'([a-z.-]+)'/.exec(source)?.[1] as Permission | undefined;
  return { file, path: urlPath(file), permission };
});
const routes = files('app/api/admin', 'route.ts').map((file) => urlPath(file));

type Identity = { label: string; role: StaffRole | null; cookie?: string; statusToken?: string };

async function status(
  request: APIRequestContext,
  url: string,
  identity: Identity,
  method = 'GET',
  form?: Record<string, string>,
) {
  const headers: Record<string, string> = identity.cookie
    ? { cookie: `next-auth.session-token=${identity.cookie}` }
    : {};
  const target = identity.statusToken ? `${url}${url.includes('?') ? '&' : '?'}token=${identity.statusToken}` : url;
  const res = await request.fetch(target, { method, headers, form, maxRedirects: 0 });
  return { code: res.status(), location: res.headers()['location'] ?? '' };
}

test('every staff page and admin route allows exactly what the role table allows', async ({ request, page }) => {
  test.setTimeout(120_000);
  expect(pages.length).toBeGreaterThanOrEqual(4);
  for (const p of pages) {
    if (!PUBLIC_STAFF_PAGES.has(p.path)) expect(p.permission, `${p.file} must call requireStaffPage`).toBeTruthy();
  }
  for (const route of routes)
    expect(Object.keys(ROUTE_PERMISSIONS), `${route} needs an entry in ROUTE_PERMISSIONS`).toContain(route);

  // A real request, so that /admin/requests/[id] exists; its requester holds a real status token.
  const email = uniqueEmail('authz');
  const created = await (
    await request.post('/api/v1/requests', { data: { email, types: ['access'], jurisdiction: 'EU', confirm: true } })
  ).json();
  await page.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await page.getByRole('button', { name: /confirm my request/i }).click();
  await expect(page).toHaveURL(/\/status\//);
  const statusToken = new URL(page.url()).searchParams.get('token')!;

  const identities: Identity[] = [
    { label: 'anonymous', role: null },
    { label: 'requester with a status token', role: null, statusToken },
  ];
  for (const role of ['viewer', 'reviewer', 'admin'] as const) {
    const person = await createStaff(role);
    identities.push({ label: role, role, cookie: await createSession(person.id) });
  }
  const gone = await createStaff('admin', { deactivated: true });
  identities.push({ label: 'deactivated admin', role: null, cookie: await createSession(gone.id) });

  for (const p of pages) {
    const url = p.path.replace('[id]', created.id);
    for (const identity of identities) {
      const { code, location } = await status(request, url, identity);
      const label = `${url} as ${identity.label}`;
      if (PUBLIC_STAFF_PAGES.has(p.path)) {
        // Sign-in pages are open to all; someone already signed in is sent on to the workspace.
        if (identity.role) expect([200, 307], label).toContain(code);
        else expect(code, label).toBe(200);
      } else if (!identity.role) {
        expect([302, 303, 307, 308], label).toContain(code);
        expect(location, label).toContain('/admin/sign-in');
      } else {
        expect(code, label).toBe(can(identity.role, p.permission!) ? 200 : 403);
      }
    }
  }
  for (const route of routes) {
    const spec = ROUTE_PERMISSIONS[route];
    for (const identity of identities) {
      const url = route.replace(/\[[A-Za-z]+\]/g, '00000000-0000-4000-8000-000000000000');
      const { code } = await status(request, `${url}${spec.query}`, identity, spec.method, spec.form);
      const label = `${route} as ${identity.label}`;
      if (!identity.role) expect(code, label).toBe(401);
      else expect(code, label).toBe(can(identity.role, spec.permission) ? (spec.allowedStatus ?? 200) : 403);
    }
  }
});

/** The id Next.js gave a server action in this build (the same id a browser would send). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action named ${exportedName} in the build`);
  return id;
}

test('server actions refuse a request from another origin', async ({ request }) => {
  const admin = await createStaff('admin');
  const cookie = await createSession(admin.id);
  const call = (origin: string) =>
    request.post('/admin', {
      headers: {
        cookie: `next-auth.session-token=${cookie}`,
        origin,
        'next-action': actionId('addNoteAction'),
        'content-type': 'text/plain;charset=UTF-8',
      },
      data: '[null,null]',
      maxRedirects: 0,
    });
  // The control: from our own origin the action runs (and rejects the empty input with its own message).
  const same = await call(new URL(test.info().project.use.baseURL!).origin);
  expect(same.status()).toBe(200);
  expect(await same.text()).toContain('Some fields need attention');
  // From another origin it never runs.
  const cross = await call('https://evil.example');
  expect(cross.status()).toBeGreaterThanOrEqual(400);
  expect(await cross.text()).not.toContain('Some fields need attention');
});
