/**
 * Redaction before release (GDPR Art. 15(4)), on real PostgreSQL and each storage driver: reviewers
 * preview a request's data sets page by page and withhold fields and rows, admins define patterns,
 * a package waiting for review is built only once released, the build applies everything while
 * streaming, and the package and the status page say how much was withheld and why, never what.
 */
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { openDownload, packageState, requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import { addRedaction } from '../../lib/fulfilment/redaction/add-redaction';
import { deleteRedactionPattern } from '../../lib/fulfilment/redaction/delete-redaction-pattern';
import { PREVIEW_PAGE_SIZE, previewDataset } from '../../lib/fulfilment/redaction/preview-dataset';
import { RedactNdjson } from '../../lib/fulfilment/redaction/redact-ndjson';
import { compileRedactor } from '../../lib/fulfilment/redaction/redactor';
import { releasePackage } from '../../lib/fulfilment/redaction/release-package';
import { saveRedactionPattern } from '../../lib/fulfilment/redaction/save-redaction-pattern';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { completedWithDataset, seededInventory } from '../support/fulfilment';
import { runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { latestStatusLink } from '../support/requests';
import { scopedEnv } from '../support/scoped-env';
import { aStaffIdentity } from '../support/staff';
import { STORAGE_DRIVERS, useStorage, type StorageUnderTest } from '../support/storage-under-test';
import { unzip } from '../support/unzip';

const settings = scopedEnv(['PACKAGE_REVIEW_REQUIRED']);
let admin: StaffIdentity;
let reviewer: StaffIdentity;
let viewer: StaffIdentity;

/** Support tickets: the requester's own, with a colleague's email, a phone number and a live key in them. */
function ticket(n: number, requester: string) {
  return {
    id: n,
    subject: n === 2 ? 'Refund for Grace Hopper' : `Ticket ${n}`,
    from: requester,
    body: `Call me on +44 20 7946 0${String(n % 1000).padStart(3, '0')} or ask bob.other@example.net; key sk_live_${'a'.repeat(10)}${n}`,
    agent_notes: `internal note ${n}`,
    opened_on: '2026-03-04',
  };
}

/** An access request whose one collect task is done with a stored data set of `rows` tickets, completed. */
function accessRequestWithTickets(rows: number) {
  return completedWithDataset({
    staff: admin,
    name: 'tickets',
    rows,
    lines: function* (email) {
      for (let n = 1; n <= rows; n++) yield `${JSON.stringify(ticket(n, email))}\n`;
    },
  });
}

async function downloadPackage(requestId: string, email: string) {
  await requestDownloadLink({ requestId, statusToken: (await latestStatusLink(email)).token });
  const mail = await db().outboxEmail.findFirstOrThrow({
    where: { requestId, template: 'download-link' },
    orderBy: { createdAt: 'desc' },
  });
  const { stream } = await openDownload({ token: /\/download\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1] });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return unzip(Buffer.concat(chunks));
}

describe.each(STORAGE_DRIVERS)('with %s storage', (driver) => {
  let storage: StorageUnderTest;
  beforeAll(async () => {
    storage = await useStorage(driver);
  });
  afterAll(async () => {
    await storage.stop();
  });
  beforeEach(async () => {
    await resetDatabase();
    admin = await aStaffIdentity('admin');
    reviewer = await aStaffIdentity('reviewer');
    viewer = await aStaffIdentity('viewer');
    await seededInventory();
    settings.set({ PACKAGE_REVIEW_REQUIRED: 'true' });
  });
  afterEach(() => settings.restore());

  it('a package waits for review; the reviewer previews, withholds a field and rows, releases; the package lacks them and counts them', async () => {
    const r = await accessRequestWithTickets(60);
    expect((await packageState(r.id))!.status).toBe('awaiting_review');
    expect(await queuedJobs('build-data-package')).toEqual([]);
    await expect(
      requestDownloadLink({ requestId: r.id, statusToken: (await latestStatusLink(r.email)).token }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // A bounded preview, page by page.
    const first = await previewDataset({ staff: reviewer, requestId: r.id, dataset: r.dataset, page: 1 });
    expect(first.rows).toHaveLength(PREVIEW_PAGE_SIZE);
    expect(first.pages).toBe(3);
    expect(first.columns).toEqual(['id', 'subject', 'from', 'body', 'agent_notes', 'opened_on']);
    const third = await previewDataset({ staff: reviewer, requestId: r.id, dataset: r.dataset, page: 3 });
    expect(third.rows.map((row) => row.number)).toEqual(Array.from({ length: 10 }, (_, i) => 51 + i));

    await addRedaction({
      staff: reviewer,
      requestId: r.id,
      input: { dataset: r.dataset, kind: 'field', target: 'agent_notes', reason: 'trade_secret' },
    });
    await addRedaction({
      staff: reviewer,
      requestId: r.id,
      input: { dataset: r.dataset, kind: 'row', target: '5', reason: 'third_party' },
    });
    await addRedaction({
      staff: reviewer,
      requestId: r.id,
      input: { dataset: r.dataset, kind: 'row', target: 'grace hopper', reason: 'third_party' },
    });
    await saveRedactionPattern({
      staff: admin,
      input: { dataset: '', pattern: 'email', regex: '', reason: 'third_party' },
    });
    await saveRedactionPattern({
      staff: admin,
      input: { dataset: r.dataset, pattern: 'secret', regex: '', reason: 'security' },
    });
    // A pattern for another data set does not touch this one.
    await saveRedactionPattern({
      staff: admin,
      input: { dataset: 'other/set', pattern: 'phone', regex: '', reason: 'third_party' },
    });

    const shown = await previewDataset({ staff: reviewer, requestId: r.id, dataset: r.dataset, page: 1 });
    expect(shown.rows.find((row) => row.number === 2)!.dropped).toBe(true);
    expect(shown.rows.find((row) => row.number === 5)!.dropped).toBe(true);
    expect(shown.rows[0].withheld).toEqual(['agent_notes']);
    expect(shown.rows[0].values.body).toBe('Call me on +44 20 7946 0001 or ask [withheld]; key [withheld]');
    expect(shown.rows[0].values.from).toBe(r.email); // the requester's own address stays

    await releasePackage({ staff: reviewer, requestId: r.id });
    await runDueJobs();
    const state = (await packageState(r.id))!;
    expect(state.status).toBe('ready');
    // 58 rows kept: a field each, an email and a key each; 2 rows withheld.
    expect(state.withheld).toEqual(
      expect.arrayContaining([
        { reason: 'third_party', count: 2 + 58 },
        { reason: 'trade_secret', count: 58 },
        { reason: 'security', count: 58 },
      ]),
    );

    const files = await downloadPackage(r.id, r.email);
    const json = JSON.parse(files.get(`${r.folder}/tickets.json`)!) as Record<string, unknown>[];
    expect(json.map((row) => row.id)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1).filter((n) => n !== 2 && n !== 5),
    );
    expect(json.every((row) => row.agent_notes === '[withheld]' && row.from === r.email)).toBe(true);
    const csv = files.get(`${r.folder}/tickets.csv`)!;
    for (const content of [files.get(`${r.folder}/tickets.json`)!, csv]) {
      expect(content).not.toContain('bob.other@example.net');
      expect(content).not.toContain('sk_live_');
      expect(content).not.toContain('internal note');
      expect(content).not.toContain('Grace Hopper');
      expect(content).toContain('+44 20 7946 0001'); // no phone pattern on this data set
    }
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 58);
    const readme = files.get('README.txt')!;
    expect(readme).toContain(`${r.dataset}: 60 items were withheld to protect other people's data (GDPR Art. 15(4)).`);
    expect(readme).toContain(
      `${r.dataset}: 58 items were withheld to protect trade secrets or intellectual property (GDPR Art. 15(4)).`,
    );
    expect(readme).not.toContain('grace');

    // Audited: each redaction, the pattern, the release; the matched text never.
    const events = await db().auditEvent.findMany({ where: { action: { startsWith: 'redaction.' } } });
    expect(events.map((e) => e.action).sort()).toEqual([
      'redaction.added',
      'redaction.added',
      'redaction.added',
      'redaction.pattern_added',
      'redaction.pattern_added',
      'redaction.pattern_added',
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/grace/i);
    expect(events.filter((e) => e.action === 'redaction.added').every((e) => e.actorId === reviewer.id)).toBe(true);
    expect(
      await db().auditEvent.count({ where: { requestId: r.id, action: 'package.released', actorId: reviewer.id } }),
    ).toBe(1);

    // Released: nothing can change what the requester receives.
    await expect(
      addRedaction({
        staff: reviewer,
        requestId: r.id,
        input: { dataset: r.dataset, kind: 'field', target: 'subject', reason: 'third_party' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(releasePackage({ staff: reviewer, requestId: r.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a large data set is redacted while streaming: every row counted, none held', async () => {
    settings.set({ PACKAGE_REVIEW_REQUIRED: 'false' });
    const rows = 40_000;
    const r = await accessRequestWithTickets(rows);
    await saveRedactionPattern({
      staff: admin,
      input: { dataset: '', pattern: 'email', regex: '', reason: 'third_party' },
    });
    await saveRedactionPattern({
      staff: admin,
      input: { dataset: r.dataset, pattern: 'regex', regex: 'sk_live_[a-z0-9]+', reason: 'security' },
    });
    await runDueJobs(); // no review required: built at completion
    const state = (await packageState(r.id))!;
    expect(state.status).toBe('ready');
    expect(state.withheld).toEqual(
      expect.arrayContaining([
        { reason: 'third_party', count: rows },
        { reason: 'security', count: rows },
      ]),
    );
    const files = await downloadPackage(r.id, r.email);
    const json = files.get(`${r.folder}/tickets.json`)!;
    expect(json).not.toContain('bob.other@example.net');
    expect(json).not.toContain('sk_live_');
    expect(JSON.parse(json)).toHaveLength(rows);
  }, 120_000);
});

describe('rules and rights', () => {
  beforeAll(async () => {
    await resetDatabase();
    admin = await aStaffIdentity('admin');
    reviewer = await aStaffIdentity('reviewer');
    viewer = await aStaffIdentity('viewer');
  });

  it('the Transform emits each row before the next one is read', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const source = Readable.from(
      (async function* () {
        yield '{"a":"write to x@example.org"}\n';
        await held; // the rest of the data set only comes once the first row came out
        yield '{"a":"y@example.org"}\n';
      })(),
    );
    const redactor = compileRedactor([{ kind: 'pattern', target: 'email', regex: null, reason: 'third_party' }], {
      requesterEmails: ['y@example.org'],
    });
    const out = source.pipe(new RedactNdjson(redactor));
    const seen: string[] = [];
    for await (const chunk of out) {
      seen.push(String(chunk));
      release();
    }
    expect(seen).toEqual(['{"a":"write to [withheld]"}\n', '{"a":"y@example.org"}\n']);
    expect([...redactor.counts]).toEqual([['third_party', 1]]);
  });

  it('patterns: phones and secrets are found, dates and the requester are not', () => {
    const redactor = compileRedactor(
      [
        { kind: 'pattern', target: 'phone', regex: null, reason: 'third_party' },
        { kind: 'pattern', target: 'secret', regex: null, reason: 'security' },
      ],
      { requesterEmails: [] },
    );
    const { row } = redactor.apply(
      {
        a: 'ring (415) 555-0132 on 2026-03-04 10:30, order 12345',
        b: 'Authorization: Bearer abcdefghijklmnop.qrstuvwx and ghp_abcdefghijklmnopqrstuv12',
        n: 4155550132,
      },
      1,
    );
    expect(row).toEqual({
      a: 'ring [withheld] on 2026-03-04 10:30, order 12345',
      b: 'Authorization: [withheld] and [withheld]',
      n: 4155550132,
    });
  });

  it('custom expressions are validated: a backtracking-prone, empty-matching or too long one is refused and never saved', async () => {
    for (const regex of ['(a)\\1', '(?=x)y', 'a*', 'x'.repeat(201), '(']) {
      await expect(
        saveRedactionPattern({ staff: admin, input: { dataset: '', pattern: 'regex', regex, reason: 'third_party' } }),
      ).rejects.toThrow();
    }
    expect(await db().redaction.count()).toBe(0);
    // RE2 runs nested quantifiers in linear time: accepted, and fast on the classic attack text.
    const saved = await saveRedactionPattern({
      staff: admin,
      input: { dataset: '', pattern: 'regex', regex: '(a+)+b', reason: 'third_party' },
    });
    const started = performance.now();
    const redactor = compileRedactor([{ kind: 'pattern', target: 'regex', regex: '(a+)+b', reason: 'third_party' }], {
      requesterEmails: [],
    });
    expect(redactor.apply({ t: `${'a'.repeat(5000)}c` }, 1).row.t).toHaveLength(5001);
    expect(performance.now() - started).toBeLessThan(2000);
    await deleteRedactionPattern({ staff: admin, patternId: saved.id });
    expect(await db().redaction.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'redaction.pattern_removed', actorId: admin.id } })).toBe(1);
  });

  it('reviewers and admins review and release; only admins define patterns; viewers do neither', async () => {
    const anyRequest = '00000000-0000-4000-8000-000000000000';
    const field = { dataset: 'a/b', kind: 'field' as const, target: 'x', reason: 'third_party' as const };
    for (const staff of [viewer, null]) {
      await expect(
        previewDataset({ staff: staff as StaffIdentity, requestId: anyRequest, dataset: 'a/b', page: 1 }),
      ).rejects.toMatchObject({ code: staff ? 'FORBIDDEN' : 'UNAUTHORIZED' });
      await expect(
        addRedaction({ staff: staff as StaffIdentity, requestId: anyRequest, input: field }),
      ).rejects.toMatchObject({ code: staff ? 'FORBIDDEN' : 'UNAUTHORIZED' });
      await expect(releasePackage({ staff: staff as StaffIdentity, requestId: anyRequest })).rejects.toMatchObject({
        code: staff ? 'FORBIDDEN' : 'UNAUTHORIZED',
      });
    }
    for (const staff of [reviewer, admin]) {
      // Past the permission check: the request does not exist.
      await expect(addRedaction({ staff, requestId: anyRequest, input: field })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(releasePackage({ staff, requestId: anyRequest })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const pattern = { dataset: '', pattern: 'email' as const, regex: '', reason: 'third_party' as const };
    for (const staff of [viewer, reviewer])
      await expect(saveRedactionPattern({ staff, input: pattern })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().redaction.count()).toBe(0);
  });
});
