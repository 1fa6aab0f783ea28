/**
 * Every form in the product, as the server sends it, before any script runs: it posts, and either
 * its action works without JavaScript or it cannot be submitted until its component has hydrated
 * (every submit button disabled). A GET form may carry only filters that are not personal data. The
 * pages are found by crawling, with JavaScript off, from the request form and from the staff
 * workspace signed in as an admin; no address on them carries an email address.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createSession, createStaff } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

/** The only fields a GET form may have: date ranges, a regime, a year. */
const GET_FIELDS = new Set(['from', 'to', 'regime', 'year', 'template', 'locale']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const EMAIL_IN_URL = /@|%40/i;

type FormSeen = {
  page: string;
  index: number;
  method: string;
  action: string | null;
  fields: string[];
  submits: number;
  enabledSubmits: number;
  enabledFields: number;
  /** The page's referrer policy (its meta tag): 'no-referrer' makes a browser post `Origin: null`. */
  referrer: string | null;
};

async function formsOn(page: Page): Promise<FormSeen[]> {
  const path = new URL(page.url()).pathname.replace(UUID, ':id');
  const referrer = await page.evaluate(
    () => document.querySelector<HTMLMetaElement>('meta[name="referrer"]')?.content ?? null,
  );
  const forms = await page.locator('form').evaluateAll((elements) =>
    (elements as HTMLFormElement[]).map((form) => {
      const controls = Array.from(form.elements) as (
        | HTMLInputElement
        | HTMLButtonElement
        | HTMLSelectElement
        | HTMLTextAreaElement
      )[];
      const isSubmit = (c: Element) =>
        (c instanceof HTMLButtonElement && c.type === 'submit') ||
        (c instanceof HTMLInputElement && ['submit', 'image'].includes(c.type));
      const submits = controls.filter(isSubmit);
      const fields = controls.filter((c) => !isSubmit(c) && c.name && !(c instanceof HTMLButtonElement));
      return {
        method: (form.getAttribute('method') ?? 'get').toLowerCase(),
        action: form.getAttribute('action'),
        fields: fields.map((c) => c.name),
        submits: submits.length,
        enabledSubmits: submits.filter((c) => !c.matches(':disabled')).length,
        enabledFields: fields.filter((c) => c.type !== 'hidden' && !c.matches(':disabled')).length,
      };
    }),
  );
  return forms.map((f, index) => ({ page: path, index, referrer, ...f }));
}

/** What is wrong with a form, or null. */
function problem(form: FormSeen): string | null {
  if (form.method === 'get') {
    const others = form.fields.filter((name) => !GET_FIELDS.has(name));
    return others.length ? `a GET form with ${others.join(', ')}: personal data could end up in the URL` : null;
  }
  if (form.method !== 'post') return `method="${form.method}"`;
  // A server action's form (React's progressive enhancement: it posts to its own page with the
  // action's reference) works without script, unless the page makes the browser send `Origin: null`.
  if (form.fields.some((name) => /^\$ACTION_(REF|ID)_/.test(name)))
    return form.referrer === 'no-referrer'
      ? 'a server action posted without script from a no-referrer page: Next.js refuses its Origin: null'
      : null;
  const worksWithoutScript = Boolean(form.action) && !/^\s*javascript:/i.test(form.action!);
  if (worksWithoutScript) return null;
  // No action of its own: it must be impossible to submit before hydration.
  if (form.submits === 0)
    return form.enabledFields ? 'no action and no submit button: Enter in a field would post it' : null;
  return form.enabledSubmits
    ? 'no action that works without JavaScript, and enabled submit buttons before hydration'
    : null;
}

/** Visits every same-origin page reachable from `start` (one page per path shape), checking each. */
async function crawl(
  context: BrowserContext,
  start: string[],
  keep: (path: string) => boolean,
  seen: Map<string, FormSeen[]>,
) {
  const page = await context.newPage();
  const queue = [...start];
  const origin = new URL(test.info().project.use.baseURL!).origin;
  while (queue.length && seen.size < 80) {
    const url = queue.shift()!;
    const key = new URL(url, origin).pathname.replace(UUID, ':id');
    if (seen.has(key)) continue;
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
    expect(page.url(), 'the page address').not.toMatch(EMAIL_IN_URL);
    seen.set(key, await formsOn(page));
    const links = await page.locator('a[href]').evaluateAll((as) => (as as HTMLAnchorElement[]).map((a) => a.href));
    for (const href of links) {
      const link = new URL(href);
      if (link.origin !== origin) continue;
      expect(link.search, `a link on ${key}`).not.toMatch(EMAIL_IN_URL);
      if (link.pathname.startsWith('/api/') || /\/file$/.test(link.pathname) || !keep(link.pathname)) continue;
      queue.push(link.pathname + link.search);
    }
  }
  await page.close();
}

async function jsOff(browser: Browser) {
  return browser.newContext({ javaScriptEnabled: false });
}

test('every form posts, and works without JavaScript or waits for it; no GET form carries personal data', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const seen = new Map<string, FormSeen[]>();

  // A requester, with JavaScript off: the request form, the page after it, the confirmation, the status page.
  const requester = await (await jsOff(browser)).newPage();
  const email = uniqueEmail('forms');
  await requester.goto('/');
  seen.set('/', await formsOn(requester));
  await requester.getByRole('textbox', { name: /^your email address/i }).fill(email);
  await requester.getByLabel(/where you live/i).selectOption('UK');
  await requester.getByRole('checkbox', { name: /access/i }).check();
  await requester.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await requester.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
  await expect(requester).toHaveURL(/\/submitted\//);
  expect(requester.url()).not.toMatch(EMAIL_IN_URL);
  seen.set('/submitted/:id', await formsOn(requester));
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  seen.set('/verify', await formsOn(requester));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  const requestId = new URL(requester.url()).pathname.split('/')[2];
  await crawl(requester.context(), [requester.url()], (path) => !path.startsWith('/admin'), seen);

  // Signed out: the sign-in pages.
  await crawl(
    await jsOff(browser),
    ['/admin/sign-in', '/admin/sign-in/check-email'],
    (path) => path.startsWith('/admin/sign-in'),
    seen,
  );

  // An admin. The request is started first (with JavaScript), so that its tasks and their forms show.
  const admin = await createStaff('admin');
  const session = {
    name: 'next-auth.session-token',
    value: await createSession(admin.id),
    url: test.info().project.use.baseURL!,
  };
  const working = await browser.newContext();
  await working.addCookies([session]);
  const detail = await working.newPage();
  await detail.goto(`/admin/requests/${requestId}`);
  await detail.getByRole('button', { name: 'Start work' }).click();
  await expect(detail.getByText('Work started.')).toBeVisible();
  await working.close();
  const staff = await jsOff(browser);
  await staff.addCookies([session]);
  await crawl(
    staff,
    [`/admin/requests/${requestId}`, '/admin'],
    (path) => path.startsWith('/admin') && !path.startsWith('/admin/sign-in'),
    seen,
  );

  for (const path of [
    '/',
    '/submitted/:id',
    '/verify',
    '/status/:id',
    '/admin/sign-in',
    '/admin',
    '/admin/requests/:id',
    '/admin/staff',
    '/admin/inventory',
    '/admin/metrics',
    '/admin/audit',
    '/admin/records',
    '/admin/appeals',
  ]) {
    expect([...seen.keys()], 'pages crawled').toContain(path);
  }
  const forms = [...seen.values()].flat();
  // The request page alone has a dozen forms; the crawl must have seen them.
  expect(forms.filter((f) => f.page === '/admin/requests/:id').length).toBeGreaterThan(10);
  expect(forms.filter((f) => f.method === 'get').length).toBeGreaterThan(0);
  const problems = forms
    .map((f) => ({
      form: `${f.page} form #${f.index + 1} (${f.method} ${f.action ?? 'no action'}; ${f.fields.join(', ')})`,
      problem: problem(f),
    }))
    .filter((p) => p.problem);
  expect(problems).toEqual([]);
});

test('a staff form that waits for JavaScript is enabled once the page has hydrated', async ({ browser }) => {
  const admin = await createStaff('admin');
  const context = await browser.newContext();
  await context.addCookies([
    { name: 'next-auth.session-token', value: await createSession(admin.id), url: test.info().project.use.baseURL! },
  ]);
  const page = await context.newPage();
  await page.goto('/admin/staff');
  await expect(page.getByRole('button', { name: 'Send invitation' })).toBeEnabled();
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await noScript.addCookies([
    { name: 'next-auth.session-token', value: await createSession(admin.id), url: test.info().project.use.baseURL! },
  ]);
  const still = await noScript.newPage();
  await still.goto('/admin/staff');
  await expect(still.getByRole('button', { name: 'Send invitation' })).toBeDisabled();
});

test('searching the queue by an email address finds the requests, and the address stays out of the URL', async ({
  browser,
  request,
}) => {
  const email = uniqueEmail('search');
  const filed = await (
    await request.post('/api/v1/requests', { data: { email, types: ['access'], jurisdiction: 'EU', confirm: true } })
  ).json();
  const admin = await createStaff('admin');
  // Without JavaScript: the filter form posts, and the queue renders its results on the server.
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([
    { name: 'next-auth.session-token', value: await createSession(admin.id), url: test.info().project.use.baseURL! },
  ]);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto('/admin');
  await page.getByRole('checkbox', { name: 'Unverified', exact: true }).check();
  await page.getByLabel(/search/i).fill(email.toUpperCase());
  await page.getByRole('button', { name: /apply filters/i }).click();
  await expect(page).toHaveURL(new RegExp(`/admin\\?.*requester=${filed.id}`));
  await expect(page.getByRole('link', { name: filed.reference })).toBeVisible();
  await expect(page.getByText('Showing requests from the email address searched for.')).toBeVisible();
  expect(requests.filter((r) => /@|%40/.test(r))).toEqual([]);

  // An address with no request: nothing, said plainly, and still no address in the URL.
  await page.getByLabel(/search/i).fill(`nobody.${email}`);
  await page.getByRole('button', { name: /apply filters/i }).click();
  await expect(page).toHaveURL(/\/admin\?.*requester=none/);
  await expect(page.getByText('No request comes from the email address searched for.')).toBeVisible();
  expect(requests.filter((r) => /@|%40/.test(r))).toEqual([]);
  // A URL that names an address is not obeyed.
  await page.goto(`/admin?q=${encodeURIComponent(email)}&status=unverified`);
  await expect(page.getByLabel(/search/i)).toHaveValue('');
});
