/**
 * Staff actions and package builds for the multi-instance proof (tests/load/multi-instance.ts,
 * issue #19 §1). Staff take the proof's verified access-only requests (the form's; the API's also
 * ask for deletion, whose recipient tasks no one here works) through to a built package: the
 * workspace steps the staff API has no route for (start, attach a file, complete) run here in the
 * load's process through the same domain functions the workspace's actions call; everything else
 * goes over HTTP through the balancer with a staff API key: reads, notes, assignment, the task's
 * result and marking it done. Each collect task gets two 8 MiB attachments of random bytes, so that
 * each package is a ~16 MiB multipart upload a worker can be killed in the middle of.
 *
 * Afterwards: every package built exactly once (one `package.built` event, ready), every package
 * object in the bucket pointed to by its package row, and no unfinished multipart upload left.
 *
 * MULTI_PACKAGES (default 12) caps the packages built, to spare a shared machine's disk and cores.
 * The last HELD_BACK of them wait at their completion until the proof wants a worker killed
 * mid-upload (`packageUploadInFlight`): on a quick run every other package may be built by then.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ListMultipartUploadsCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import type { S3Server } from '../support/s3-server';
import { check, waitFor } from './harness';

const MAX_PACKAGES = Number(process.env.MULTI_PACKAGES ?? 12);
const HELD_BACK = 2;
/** A part of a package's multipart upload, as the bucket logs it. */
const PACKAGE_PART = /^PUT [^?]*\/packages\/[^?]*\?(?:.*&)?uploadId=/;
/** How long the bucket holds that part: the proof kills its sender meanwhile. */
const PART_HOLD_MS = 30_000;
const MiB = 1024 * 1024;
const ATTACHMENT_BYTES = 8 * MiB;
const SYSTEM_KEY = 'multi-exports';
const CHECKLIST = ['Export the account', 'Check the export'];

export type StaffLoadOptions = {
  /** The balancer's URL. */
  url: string;
  /** The settings the instances run with: the load's own writes must be readable by the workers. */
  env: Record<string, string>;
  s3: S3Server;
  /** The proof's requests: a LIKE pattern on their email. */
  emailPattern: string;
  /**
   * The requests the proof saw confirmed. Only those are taken on: one whose confirmation answer was
   * lost is confirmed again by the proof, and that must still find it merely verified.
   */
  confirmed: () => string[];
  record: (route: string, status: number, ms: number) => void;
  log: (line: string) => void;
};

/** A request a staff member took on; `busy` while one of them is on a step (one at a time each). */
type Claimed = { id: string; noted: boolean; assigned: boolean; busy: boolean; packageQueuedAt?: number };

export async function startStaffLoad(options: StaffLoadOptions) {
  // The domain code reads its settings from process.env once (cached): set them, then drop the cache.
  // Not NODE_ENV: React is loaded already (the email templates, through the worker's task list), and a
  // production react-dom/server on a development React fails every render.
  const { NODE_ENV: _instancesOnly, ...settings } = options.env;
  Object.assign(process.env, settings);
  (await import('../../lib/env')).resetEnvCache();
  const { db, disconnectDb } = await import('../../lib/db');
  const { staffIdentity } = await import('../../lib/auth/current-staff');
  const { createApiKey } = await import('../../lib/api-keys/create-api-key');
  const { startRequest } = await import('../../lib/requests/staff/start-request');
  const { completeRequest } = await import('../../lib/requests/staff/complete-request');
  const { addTaskAttachment } = await import('../../lib/fulfilment/add-task-attachment');
  const { aStaffMember } = await import('../support/staff');

  const admin = (await staffIdentity((await aStaffMember('admin')).id))!;
  const { key } = await createApiKey({
    staff: admin,
    input: {
      name: 'multi-instance load',
      scopes: ['requests:read', 'notes:write', 'requests:assign', 'tasks:write', 'tasks:complete'],
    },
  });
  // One manual system that holds something about every requester: each access request gets a collect task.
  await db().dataSystem.create({
    data: {
      key: SYSTEM_KEY,
      name: 'Exports (load test)',
      kind: 'manual',
      taskTypes: ['collect'],
      checklist: CHECKLIST,
    },
  });
  const attachments = [randomBytes(ATTACHMENT_BYTES), randomBytes(ATTACHMENT_BYTES)];

  const { url, record, log } = options;
  const api = async (route: string, path: string, init: { method?: string; body?: unknown } = {}) => {
    const started = performance.now();
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${key}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }).catch(() => null);
    record(route, res?.status ?? 0, performance.now() - started);
    const body = res?.ok ? await res.json().catch(() => null) : await res?.arrayBuffer().catch(() => null);
    return { status: res?.status ?? 0, body };
  };
  /** A workspace step, in this process: timed and counted like a route; a failure is retried later. */
  const workspace = async (route: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    const ok = await run().then(
      () => true,
      (error: unknown) => {
        sayOnce(error);
        return false;
      },
    );
    record(route, ok ? 200 : 0, performance.now() - started);
    return ok;
  };

  /** A failure other than the database restarting, said once (a message, never a row). */
  const seen = new Set<string>();
  const sayOnce = (error: unknown) => {
    const said = `${(error as Error).name}: ${(error as Error).message}`.split('\n')[0].slice(0, 200);
    if (seen.has(said) || /P1001|P1017|ECONNREFUSED|terminat|shutting down|Can't reach/.test(said)) return;
    seen.add(said);
    log(`staff: ${said}`);
  };

  const claimed = new Map<string, Claimed>();
  let claims = 0;
  /** Whether the packages held back may be built. */
  let released = false;
  const claimOne = async () => {
    if (claims >= MAX_PACKAGES) return false;
    const [row] = await db().$queryRaw<{ id: string }[]>`
      SELECT id FROM privacy_request
      WHERE status = 'verified' AND email LIKE ${options.emailPattern} AND types::text[] = ARRAY['access']
        AND id = ANY(${options.confirmed()}::uuid[]) AND NOT (id = ANY(${[...claimed.keys()]}::uuid[]))
      ORDER BY received_at LIMIT 1`;
    if (!row || claimed.has(row.id)) return false;
    claims += 1;
    claimed.set(row.id, { id: row.id, noted: false, assigned: false, busy: false });
    return true;
  };

  /**
   * One step of a claimed request towards its package, decided from what the database holds (a
   * step whose answer was lost to a fault is simply tried again). False when there is nothing to do.
   */
  const advance = async (c: Claimed): Promise<boolean> => {
    if (c.busy) return false;
    c.busy = true;
    try {
      return await step(c);
    } finally {
      c.busy = false;
    }
  };
  const step = async (c: Claimed): Promise<boolean> => {
    const request = await db().privacyRequest.findUnique({ where: { id: c.id }, select: { status: true } });
    if (!request || request.status === 'completed') return false;
    if (request.status === 'verified')
      return workspace('workspace: start request', () => startRequest({ staff: admin, requestId: c.id }));
    if (request.status !== 'in_progress') return false;
    await api('GET /api/v1/staff/requests/[id]', `/api/v1/staff/requests/${c.id}`);
    if (!c.noted) {
      const note = await api('POST staff …/notes', `/api/v1/staff/requests/${c.id}/notes`, {
        method: 'POST',
        body: { body: 'Export requested from the exports team.' },
      });
      c.noted = note.status === 201;
      return true;
    }
    if (!c.assigned) {
      const assign = await api('PUT staff …/assignee', `/api/v1/staff/requests/${c.id}/assignee`, {
        method: 'PUT',
        body: { assigneeId: admin.id },
      });
      c.assigned = assign.status === 200;
      return true;
    }
    const task = await db().fulfilmentTask.findFirst({
      where: { requestId: c.id, type: 'collect', system: { key: SYSTEM_KEY } },
      include: { _count: { select: { attachments: true } } },
    });
    if (!task) return false;
    if (task.status === 'open' || task.status === 'failed') {
      if (task._count.attachments < attachments.length) {
        const bytes = attachments[task._count.attachments];
        return workspace('workspace: attach 8 MiB', () =>
          addTaskAttachment({
            staff: admin,
            taskId: task.id,
            file: new File([bytes], `export-${task._count.attachments + 1}.bin`),
          }),
        );
      }
      if (!task.result) {
        await api('PATCH /api/v1/staff/tasks/[id]', `/api/v1/staff/tasks/${task.id}`, {
          method: 'PATCH',
          body: { done: [0], result: 'Exported the account.' },
        });
        return true;
      }
      await api('POST staff …/tasks/[id]/complete', `/api/v1/staff/tasks/${task.id}/complete`, {
        method: 'POST',
        body: { done: [0, 1], result: 'Exported and checked the account.' },
      });
      return true;
    }
    const queued = [...claimed.values()].filter((x) => x.packageQueuedAt !== undefined).length;
    if (!released && queued >= MAX_PACKAGES - HELD_BACK) return false;
    const completed = await workspace('workspace: complete request', () =>
      completeRequest({ staff: admin, requestId: c.id, message: 'Your copy is ready to download.' }),
    );
    if (completed) {
      c.packageQueuedAt = Date.now();
      log(
        `staff: request completed, package ${[...claimed.values()].filter((x) => x.packageQueuedAt).length} of at most ${MAX_PACKAGES} queued`,
      );
    }
    return true;
  };

  /**
   * One staff member's step: on the oldest unfinished claim, or a new claim (two at most in hand);
   * with nothing to do, a read of the queue as a dashboard would. False when idle or when the
   * database is out of reach (the loop waits, then tries again).
   */
  const work = async () => {
    try {
      const open = [...claimed.values()].filter((c) => c.packageQueuedAt === undefined);
      for (const c of open) if (await advance(c)) return true;
      if (open.length < 2 && (await claimOne())) return true;
      await api('GET /api/v1/staff/requests', '/api/v1/staff/requests?status=in_progress');
      return false;
    } catch (error) {
      sayOnce(error);
      return false;
    }
  };

  return {
    work,

    /**
     * A package upload certainly in flight: the packages held back are let go and the bucket holds
     * the next package part it receives (PART_HOLD_MS), so that the upload cannot complete before its
     * sender is killed. Returns that upload and the process group of the process sending it; null if
     * no part arrived within `timeoutMs`.
     */
    async packageUploadInFlight(timeoutMs: number) {
      options.s3.holdNext(PACKAGE_PART, PART_HOLD_MS);
      released = true;
      let found: { key: string; uploadId: string; processGroup: number } | null = null;
      await waitFor(async () => {
        const held = options.s3.held().find((e) => PACKAGE_PART.test(e.request));
        const part = held && /^PUT ([^?]*)\?(?:.*&)?uploadId=([0-9a-f]+)/.exec(held.request);
        if (!held || !part) return false;
        const processGroup = processGroupOfClient(held.clientPort);
        if (processGroup === null) return false;
        found = { key: part[1], uploadId: part[2], processGroup };
        return true;
      }, timeoutMs).catch(() => {});
      return found as { key: string; uploadId: string; processGroup: number } | null;
    },

    /** What became of an upload: completed, aborted (by a later write of its key), or neither. */
    uploadOutcome(uploadId: string) {
      const log = options.s3.requestLog().map((e) => e.request);
      const of = (method: string) =>
        log.some((r) => r.startsWith(`${method} `) && new RegExp(`[?&]uploadId=${uploadId}(&|$)`).test(r));
      return of('POST') ? 'completed' : of('DELETE') ? 'aborted' : 'left unfinished';
    },

    /** Every claimed request completed and every package built (retrying what faults interrupted). */
    async drain(timeoutMs: number) {
      released = true;
      await waitFor(
        async () => {
          for (const c of claimed.values()) while (c.packageQueuedAt === undefined && (await advance(c))) {}
          return [...claimed.values()].every((c) => c.packageQueuedAt !== undefined);
        },
        timeoutMs,
        () => `${[...claimed.values()].filter((c) => c.packageQueuedAt === undefined).length} requests never completed`,
      );
      await waitFor(
        async () =>
          (await db().dataPackage.count({ where: { requestId: { in: [...claimed.keys()] }, status: 'building' } })) ===
          0,
        timeoutMs,
        () => 'packages still building',
      ).catch(async (error: Error) => {
        // Where their build jobs stand: attempts, lock, next run, last error.
        const jobs = await db().$queryRaw<unknown[]>`
          SELECT p.status, j.attempts, j.max_attempts, j.locked_by, j.locked_at, j.run_at, left(j.last_error, 200) AS last_error
          FROM data_package p
          LEFT JOIN graphile_worker._private_jobs j ON j.key = 'build-data-package:' || p.request_id
          WHERE p.status = 'building'`;
        throw new Error(`${error.message}\n${JSON.stringify(jobs, null, 1)}`);
      });
    },

    /** Prints the figures; returns the checks (each throws when it fails), to run with the proof's. */
    async report() {
      const ids = [...claimed.keys()];
      const packages = await db().dataPackage.findMany({ where: { requestId: { in: ids } } });
      const built = await db().auditEvent.groupBy({
        by: ['requestId'],
        where: { requestId: { in: ids }, action: 'package.built' },
        _count: true,
      });
      const builtPer = new Map(built.map((b) => [b.requestId, b._count]));
      const bucket = options.s3.bucket;
      const client = options.s3.client();
      const prefix = options.env.STORAGE_ROOT.replace(/^s3:\/\/[^/]+\/?/, '');
      const objects: string[] = [];
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: `${prefix}/packages/` }))
        for (const o of page.Contents ?? []) objects.push(o.Key!.slice(prefix.length + 1));
      const uploads =
        (await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: `${prefix}/` }))).Uploads ?? [];
      client.destroy();
      const pointedTo = new Set(packages.flatMap((p) => (p.storageKey ? [p.storageKey] : [])));
      const orphans = objects.filter((o) => !pointedTo.has(o));
      const log = options.s3.requestLog().map((e) => e.request);
      const packageUploads = log.filter((r) => /^POST [^?]*\/packages\/[^?]*\?uploads/.test(r)).length;
      const aborted = log.filter((r) => /^DELETE [^?]*\/packages\/[^?]*\?(?:.*&)?uploadId=/.test(r)).length;
      const buildSeconds = packages
        .flatMap((p) => {
          const queued = claimed.get(p.requestId)?.packageQueuedAt;
          return p.builtAt && queued ? [(p.builtAt.getTime() - queued) / 1000] : [];
        })
        .sort((a, b) => a - b);
      const sizes = packages.flatMap((p) => (p.size === null ? [] : [Number(p.size) / MiB]));

      console.log(
        `  staff: ${claimed.size} requests taken to completion; packages: ${packages.length}, ` +
          `${packages.filter((p) => p.status === 'ready').length} ready, ${sizes.length ? (sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1) : 0} MiB each on average; ` +
          `queued to built p50 ${(buildSeconds[Math.floor(buildSeconds.length / 2)] ?? 0).toFixed(1)} s, max ${(buildSeconds.at(-1) ?? 0).toFixed(1)} s`,
      );
      console.log(
        `  bucket: ${packageUploads} package multipart uploads begun, ${aborted} aborted; ${objects.length} package objects, ${orphans.length} orphaned; ${uploads.length} unfinished uploads`,
      );

      await disconnectDb();
      return () => {
        check(claimed.size > 0, `staff took requests through to their packages (${claimed.size})`);
        check(
          packages.length === claimed.size,
          `one package per completed access request (${packages.length}/${claimed.size})`,
        );
        check(
          packages.every((p) => p.status === 'ready'),
          `every package built (${
            packages
              .filter((p) => p.status !== 'ready')
              .map((p) => p.status)
              .join(', ') || 'all ready'
          })`,
        );
        check(
          ids.every((id) => builtPer.get(id) === 1),
          `every package completed exactly once (package.built events: ${[...new Set(ids.map((id) => builtPer.get(id) ?? 0))].join(', ')} per package)`,
        );
        check(orphans.length === 0, `no package object in the bucket without its package row (${orphans.length})`);
        check(uploads.length === 0, `no unfinished multipart upload left (${uploads.length})`);
      };
    },
  };
}

/** The process group of the local process whose TCP connection has `port` as its own end (via ss). */
function processGroupOfClient(port: number): number | null {
  let out = '';
  try {
    out = execFileSync('ss', ['-Htnp', 'state', 'established', `( sport = :${port} )`], { encoding: 'utf8' });
  } catch {
    return null;
  }
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) return null;
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so split after its ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return null;
  }
}
