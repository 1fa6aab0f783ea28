/**
 * Every public route handler gets FUZZ_RUNS (default 1,000) generated inputs against the real
 * database: never a 5xx; every refusal a 4xx with a message, or a redirect to one of our own pages
 * with a fixed notice; and nothing stored for a refused submission.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as requestFormPost } from '../../app/(public)/route';
import { POST as confirmPost } from '../../app/(public)/verify/confirm/route';
import { POST as verifyResendPost } from '../../app/(public)/verify/resend/route';
import { POST as submittedResendPost } from '../../app/(public)/submitted/[id]/resend/route';
import { POST as withdrawPost } from '../../app/(public)/status/[id]/withdraw/route';
import { POST as replyPost } from '../../app/(public)/status/[id]/reply/route';
import { POST as appealPost } from '../../app/(public)/status/[id]/appeal/route';
import { POST as complaintPost } from '../../app/(public)/status/[id]/complaint/route';
import { MAX_OPEN_COMPLAINTS } from '../../lib/complaints/submit-complaint';
import { POST as downloadLinkPost } from '../../app/(public)/status/[id]/download-link/route';
import { POST as accountEmailPost } from '../../app/(public)/status/[id]/account-email/route';
import { POST as identityQuestionsPost } from '../../app/(public)/status/[id]/identity-questions/route';
import { POST as declarationPost } from '../../app/(public)/status/[id]/declaration/route';
import { POST as accountSignInPost } from '../../app/(public)/status/[id]/account-sign-in/route';
import { GET as accountSignInCallback } from '../../app/(public)/status/account-sign-in/callback/route';
import { POST as confirmAccountEmailPost } from '../../app/(public)/verify/account-email/confirm/route';
import { POST as downloadFilePost } from '../../app/(public)/download/[token]/file/route';
import { POST as callbackPost } from '../../app/api/fulfilment/callbacks/[taskId]/route';
import { NOTICES } from '../../app/(public)/notices';
import { GET as statusRoute } from '../../app/api/v1/requests/[id]/route';
import { POST as requestsRoute } from '../../app/api/v1/requests/route';
import { formStartedStamp } from '../../lib/abuse/form-guard';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { SIGNATURE_HEADER } from '../../lib/fulfilment/connectors/signing';
import { verifyRequest } from '../../lib/verification/verify-request';
import { anyJson, anyText, naughty, requestBody, validRequestBody } from '../support/fuzz-inputs';
import { checkedByContract } from '../support/openapi-contract';
import { resetDatabase } from '../support/reset-database';
import { latestStatusLink, latestVerificationToken, submitted } from '../support/requests';

// Every answer of the JSON API is also checked against its OpenAPI document.
const requestsPost = checkedByContract(requestsRoute);
const statusGet = checkedByContract(statusRoute);

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const FUZZ_TIMEOUT = 120_000;

type Known = {
  requestId: string;
  submissionToken: string;
  verificationToken: string;
  statusId: string;
  statusToken: string;
};
let known: Known;

beforeAll(async () => {
  await resetDatabase();
  const unverified = await submitted();
  const verified = await submitted();
  await verifyRequest({ token: await latestVerificationToken(verified.input.email) });
  const status = await latestStatusLink(verified.input.email);
  known = {
    requestId: unverified.created.id,
    submissionToken: unverified.created.submissionToken,
    verificationToken: await latestVerificationToken(unverified.input.email),
    statusId: status.requestId,
    statusToken: status.token,
  };
});

const count = async () => ({
  requests: await db().privacyRequest.count(),
  messages: await db().requesterMessage.count(),
  appeals: await db().requestAppeal.count(),
  complaints: await db().requestComplaint.count(),
  grants: await db().downloadGrant.count(),
  audit: await db().auditEvent.count(),
});

/** A 4xx always explains itself. */
async function expectExplained(res: Response) {
  expect(res.status, 'never a 5xx').toBeLessThan(500);
  if (res.status >= 400) {
    const body = await res.json();
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(0);
  }
}

/** A redirect stays on this site, to a page of ours, with a notice from the fixed list. */
function expectOwnRedirect(res: Response) {
  expect(res.status, 'never a 5xx').toBeLessThan(500);
  if (res.status !== 303) return;
  const location = res.headers.get('location')!;
  expect(location).toMatch(/^\/(verify|status\/|submitted\/)/);
  expect(location.startsWith('//')).toBe(false);
  const target = new URL(location, 'http://portal.test');
  expect(target.origin).toBe('http://portal.test');
  const notice = target.searchParams.get('notice');
  if (notice) expect(Object.keys(NOTICES)).toContain(notice);
}

/** A form body in one of the ways a client might send it, or something that is not a form. */
function formRequest(
  url: string,
  fields: Record<string, unknown>,
  encoding: 'urlencoded' | 'multipart' | 'json' | 'text',
): Request {
  const pairs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')] as [string, string]);
  if (encoding === 'multipart') {
    const form = new FormData();
    for (const [k, v] of pairs) form.append(k, v);
    return new Request(url, { method: 'POST', body: form });
  }
  if (encoding === 'urlencoded') {
    return new Request(url, {
      method: 'POST',
      body: new URLSearchParams(pairs),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  return new Request(url, {
    method: 'POST',
    body: JSON.stringify(Object.fromEntries(pairs)),
    headers: encoding === 'json' ? { 'content-type': 'application/json' } : {},
  });
}

const encoding = fc.constantFrom<'urlencoded' | 'multipart' | 'json' | 'text'>(
  'urlencoded',
  'urlencoded',
  'multipart',
  'json',
  'text',
);
const tokenLike = () =>
  fc.oneof(
    fc.constantFrom(known.verificationToken, known.submissionToken, known.statusToken),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    anyText,
  );
const idLike = () => fc.oneof(fc.constantFrom(known.requestId, known.statusId), fc.uuid(), anyText);
const params = (id: string) => ({ params: Promise.resolve({ id }) });
/** For the URL only (a lone surrogate cannot be in one); the handler gets the raw value as its param. */
const inPath = (value: string) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));

describe(`fuzzing the public endpoints (${RUNS} inputs each)`, () => {
  it('POST /api/v1/requests', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 8, arbitrary: requestBody.map((b) => JSON.stringify(b)) },
          { weight: 1, arbitrary: anyText },
          { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? '') },
        ),
        fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', ''),
        async (body, type) => {
          const before = await count();
          const res = await requestsPost(
            new Request('http://portal.test/api/v1/requests', {
              method: 'POST',
              body,
              headers: type ? { 'content-type': type } : {},
            }),
          );
          await expectExplained(res.clone());
          const after = await count();
          if (res.status === 201) expect(after.requests).toBe(before.requests + 1);
          else expect(after.requests, 'nothing stored for a refused submission').toBe(before.requests);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST / (the request form, as browsers post it)', { timeout: FUZZ_TIMEOUT }, async () => {
    const text = (v: unknown) => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v));
    // A stamp old enough, one just served (too fast), or anything at all.
    const stamp = fc.oneof(fc.constant('old'), fc.constant('fresh'), anyText);
    const honeypot = fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: anyText });
    // One body in four is valid, so that accepted posts are common too, not only refusals.
    const formBody = fc.oneof(
      { weight: 1, arbitrary: validRequestBody },
      { weight: 3, arbitrary: requestBody },
    ) as fc.Arbitrary<Record<string, unknown>>;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        formBody,
        fc.boolean(),
        stamp,
        honeypot,
        encoding,
        async (body, onBehalf, startedAt, website, enc) => {
          const agent = body.agent as { name?: unknown; email?: unknown } | undefined;
          const pairs: [string, string | undefined][] = [
            ['email', text(body.email)],
            ['name', text(body.name)],
            ['accountEmail', text(body.accountEmail)],
            ['jurisdiction', text(body.jurisdiction)],
            ['details', text(body.details)],
            ['onBehalf', onBehalf ? 'on' : undefined],
            ['agent.name', text(agent?.name)],
            ['agent.email', text(agent?.email)],
            ['confirm', body.confirm === true ? 'on' : text(body.confirm)],
            ['website', website],
            [
              'formStartedAt',
              startedAt === 'old'
                ? formStartedStamp(new Date(Date.now() - 60_000))
                : startedAt === 'fresh'
                  ? formStartedStamp()
                  : startedAt,
            ],
            ...(Array.isArray(body.types)
              ? body.types.map((t): [string, string] => ['types', String(t)])
              : [['types', text(body.types)] as [string, string | undefined]]),
          ];
          const fields = pairs.filter((p): p is [string, string] => p[1] !== undefined);
          const url = 'http://portal.test/';
          const request =
            enc === 'multipart'
              ? new Request(url, {
                  method: 'POST',
                  body: fields.reduce((form, [k, v]) => (form.append(k, v), form), new FormData()),
                })
              : enc === 'urlencoded'
                ? new Request(url, {
                    method: 'POST',
                    body: new URLSearchParams(fields),
                    headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  })
                : formRequest(url, Object.fromEntries(fields), enc);
          const before = await count();
          const res = await requestFormPost(request);
          expect(res.status, 'never a 5xx').toBeLessThan(500);
          const stored = (await count()).requests - before.requests;
          if (res.status === 303) {
            expect(res.headers.get('location')).toMatch(/^\/submitted\/[0-9a-f-]{36}\?token=[A-Za-z0-9_-]{43}$/);
            // A bot that filled the honeypot sees the same, but nothing is stored.
            expect(stored).toBe(website.trim() === '' ? 1 : 0);
            accepted += stored;
            return;
          }
          expect(stored, 'nothing stored for a refused submission').toBe(0);
          if (enc === 'json' || enc === 'text') return expectExplained(res);
          // Refused: the form again, its errors listed, under a 4xx.
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.headers.get('content-type')).toMatch(/^text\/html/);
          expect(await res.text()).toMatch(/There is a problem/);
        },
      ),
      { numRuns: RUNS },
    );
    expect(accepted, 'some posts were valid and stored').toBeGreaterThan(0);
  });

  it('GET /api/v1/requests/{id}?token=', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(idLike(), tokenLike(), async (id, token) => {
        const url = `http://portal.test/api/v1/requests/${inPath(id)}?token=${inPath(token)}`;
        const res = await statusGet(new Request(url), params(id));
        await expectExplained(res.clone());
        if (res.status === 200) expect([known.statusId]).toContain(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /verify/confirm', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ token: fc.oneof(tokenLike(), anyJson) }, { requiredKeys: [] }),
        encoding,
        async (fields, enc) => {
          const res = await confirmPost(formRequest('http://portal.test/verify/confirm', fields, enc));
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /verify/resend', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { token: fc.oneof(tokenLike(), anyJson), result: fc.oneof(anyText, fc.constantFrom('used', 'expired')) },
          { requiredKeys: [] },
        ),
        encoding,
        async (fields, enc) => {
          const res = await verifyResendPost(formRequest('http://portal.test/verify/resend', fields, enc));
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /submitted/{id}/resend', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record({ token: fc.oneof(tokenLike(), anyJson) }, { requiredKeys: [] }),
        encoding,
        async (id, fields, enc) => {
          const res = await submittedResendPost(
            formRequest(`http://portal.test/submitted/${inPath(id)}/resend`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /status/{id}/reply', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record({ token: fc.oneof(tokenLike(), anyJson), message: fc.oneof(anyText, anyJson) }, { requiredKeys: [] }),
        encoding,
        async (id, fields, enc) => {
          const before = await count();
          const res = await replyPost(
            formRequest(`http://portal.test/status/${inPath(id)}/reply`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          // Nobody asked the requester anything: no answer is ever stored.
          expect((await count()).messages).toBe(before.messages);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /status/{id}/appeal', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record(
          { token: fc.oneof(tokenLike(), anyJson), statement: fc.oneof(anyText, anyJson) },
          { requiredKeys: [] },
        ),
        encoding,
        async (id, fields, enc) => {
          const res = await appealPost(
            formRequest(`http://portal.test/status/${inPath(id)}/appeal`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          // No request here was denied, so there is nothing to appeal: nothing may be stored.
          expect((await count()).appeals).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /status/{id}/complaint', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record(
          { token: fc.oneof(tokenLike(), anyJson), statement: fc.oneof(anyText, anyJson) },
          { requiredKeys: [] },
        ),
        encoding,
        async (id, fields, enc) => {
          const before = (await count()).complaints;
          const res = await complaintPost(
            formRequest(`http://portal.test/status/${inPath(id)}/complaint`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          // Only the status link's own id and token store a complaint, and never more than the cap.
          const after = (await count()).complaints;
          if (after > before) expect([id, fields.token]).toEqual([known.statusId, known.statusToken]);
          expect(after).toBeLessThanOrEqual(MAX_OPEN_COMPLAINTS);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /status/{id}/download-link', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record({ token: fc.oneof(tokenLike(), anyJson) }, { requiredKeys: [] }),
        encoding,
        async (id, fields, enc) => {
          const res = await downloadLinkPost(
            formRequest(`http://portal.test/status/${inPath(id)}/download-link`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          // No request here has a package: no one-time download grant may be made.
          expect((await count()).grants).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /status/{id}/account-email', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record({ token: fc.oneof(tokenLike(), anyJson) }, { requiredKeys: [] }),
        encoding,
        async (id, fields, enc) => {
          const res = await accountEmailPost(
            formRequest(`http://portal.test/status/${inPath(id)}/account-email`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          // No request here names an account email: no proof link may be made.
          expect(await db().accountEmailProof.count()).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // The known requests need no more than their email: no answer or declaration may ever be recorded.
  it('POST /status/{id}/identity-questions', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record(
          {
            token: fc.oneof(tokenLike(), anyJson),
            organization: naughty,
            account_created_month: fc.oneof(naughty, fc.constant('March 2025')),
            api_key_prefix: anyText,
            card_last4: fc.oneof(naughty, fc.stringMatching(/^\d{4}$/)),
          },
          { requiredKeys: [] },
        ),
        encoding,
        async (id, fields, enc) => {
          const res = await identityQuestionsPost(
            formRequest(`http://portal.test/status/${inPath(id)}/identity-questions`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          expect(
            await db().verificationCheck.count({ where: { method: { in: ['data_points', 'declaration'] } } }),
          ).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /status/{id}/declaration', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record(
          { token: fc.oneof(tokenLike(), anyJson), fullName: naughty, declared: fc.oneof(naughty, fc.constant('on')) },
          { requiredKeys: [] },
        ),
        encoding,
        async (id, fields, enc) => {
          const res = await declarationPost(
            formRequest(`http://portal.test/status/${inPath(id)}/declaration`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          expect(
            await db().verificationCheck.count({ where: { method: { in: ['data_points', 'declaration'] } } }),
          ).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /status/{id}/account-sign-in', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record({ token: fc.oneof(tokenLike(), anyJson) }, { requiredKeys: [] }),
        encoding,
        async (id, fields, enc) => {
          const res = await accountSignInPost(
            formRequest(`http://portal.test/status/${inPath(id)}/account-sign-in`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          // No identity provider is configured here: no sign-in may be started.
          expect(await db().requesterSignIn.count()).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('GET /status/account-sign-in/callback', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { code: anyText, state: fc.oneof(tokenLike(), anyText), iss: anyText, error: anyText },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.constant(''), tokenLike(), anyText),
        async (query, cookie) => {
          const search = new URLSearchParams(query).toString();
          const res = await accountSignInCallback(
            new Request(`http://portal.test/status/account-sign-in/callback?${search}`, {
              // A browser sends only well-formed text: lone surrogates cannot reach a Cookie header.
              headers: cookie
                ? { cookie: `requester_sign_in=${encodeURIComponent(cookie.replace(/\p{Cs}/gu, ''))}` }
                : {},
            }),
          );
          // Never a status link for a sign-in nobody started: the same page, whatever came back.
          expect(res.status).toBe(400);
          expect(await res.text()).toContain('This sign-in cannot be finished here');
          expect(await db().verificationCheck.count({ where: { method: 'account_sign_in' } })).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /verify/account-email/confirm', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ token: fc.oneof(tokenLike(), anyJson) }, { requiredKeys: [] }),
        encoding,
        async (fields, enc) => {
          const res = await confirmAccountEmailPost(
            formRequest('http://portal.test/verify/account-email/confirm', fields, enc),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
          expect(await db().privacyRequest.count({ where: { accountEmailVerifiedAt: { not: null } } })).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /download/{token}/file', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(tokenLike(), fc.oneof(anyText, fc.constant('')), async (token, body) => {
        const res = await downloadFilePost(
          new Request(`http://portal.test/download/${inPath(token)}/file`, { method: 'POST', body }),
          { params: Promise.resolve({ token }) },
        );
        // Without a grant nothing is served: always back to the link's own page, which explains.
        expect(res.status).toBe(303);
        const location = new URL(res.headers.get('location')!);
        expect(location.pathname).toBe(/^[A-Za-z0-9_-]{43}$/.test(token) ? `/download/${token}` : '/download/invalid');
        expect(location.origin).toBe(new URL(env().APP_URL).origin);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /api/fulfilment/callbacks/{taskId}', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.option(tokenLike(), { nil: undefined }),
        fc.option(anyText, { nil: undefined }),
        fc.oneof(
          anyText,
          anyJson.map((v) => JSON.stringify(v) ?? ''),
        ),
        async (taskId, token, signature, body) => {
          const before = await count();
          const url = `http://portal.test/api/fulfilment/callbacks/${inPath(taskId)}${token === undefined ? '' : `?token=${inPath(token)}`}`;
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (signature !== undefined) headers[SIGNATURE_HEADER] = signature.replace(/[^\x20-\x7e]/g, '?');
          const res = await callbackPost(new Request(url, { method: 'POST', body, headers }), {
            params: Promise.resolve({ taskId }),
          });
          await expectExplained(res.clone());
          expect(res.status, 'no task is waiting for a callback here').toBeGreaterThanOrEqual(400);
          expect((await count()).audit, 'a refused callback changes nothing').toBe(before.audit);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // Last: a valid token and ticked box withdraw the known request; the rest must still be refused cleanly.
  it('POST /status/{id}/withdraw', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike(),
        fc.record(
          { token: fc.oneof(tokenLike(), anyJson), confirmWithdraw: fc.oneof(fc.constant('on'), anyText) },
          { requiredKeys: [] },
        ),
        encoding,
        async (id, fields, enc) => {
          const res = await withdrawPost(
            formRequest(`http://portal.test/status/${inPath(id)}/withdraw`, fields, enc),
            params(id),
          );
          if (res.status >= 400) await expectExplained(res);
          else expectOwnRedirect(res);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('uses the naughty list', () => {
    expect(fc.sample(naughty, 5)).toHaveLength(5);
  });
});
