/**
 * The `build-data-package` job: one folder per system, each collected data set as JSON and CSV, any
 * files attached to collect tasks, a plain-language README and the Art. 15 supplementary
 * information from the inventory. Streamed end to end (storage -> converters -> ZIP -> encryption
 * -> storage) and deleted when the download window ends.
 */
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { env } from '../../env';
import { logger } from '../../logger';
import { addJob } from '../../queue/add-job';
import { formatReference } from '../../universal/reference';
import { deleteObject, getObject, putObject } from '../../storage/storage';
import { readOutcome } from '../outcome';
import { datasetEntries } from './dataset-entries';
import { packageReadme, supplementaryInformation, type PackageFile } from './supplementary-information';
import { createZipSink } from './zip-sink';
import { loadRedactions, requesterEmails } from '../redaction/load-redactions';
import type { Redactor } from '../redaction/redactor';
import type { WithheldCount } from '../redaction/reasons';

export function packageKey(requestId: string, packageId: string) {
  return `packages/${requestId}/${packageId}.zip`;
}

/** Safe entry names: our slugs for folders, a sanitised version of an uploaded file's name. */
function entryName(name: string) {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'file'
  );
}

/**
 * What goes into a request's package: its done collect tasks, by system name, with each system's
 * categories and the files people attached (one request's few rows, through the task's unique index).
 */
export async function listPackageContents(requestId: string) {
  const collected = await db().fulfilmentTask.findMany({
    where: { requestId, type: 'collect', status: 'done' },
    include: { system: { include: { categories: { orderBy: { position: 'asc' } } } }, attachments: true },
    orderBy: { system: { name: 'asc' } },
  });
  // Collect tasks always belong to a system (only notify_recipient tasks have none).
  return collected.flatMap((t) => (t.system ? [{ ...t, system: t.system }] : []));
}

export async function buildDataPackage(options: { requestId: string }) {
  const pkg = await db().dataPackage.findUnique({
    where: { requestId: options.requestId },
    include: { request: true },
  });
  if (!pkg || pkg.status !== 'building') return;
  const tasks = await listPackageContents(options.requestId);
  const files: PackageFile[] = [];
  const attachments: { system: string; fileName: string; storageKey: string }[] = [];
  const counting: { dataset: string; redactor: Redactor; done: Promise<void> }[] = [];
  const withheld: WithheldCount[] = [];
  const rulesFor = await loadRedactions(options.requestId);
  const own = requesterEmails(pkg.request);
  const zip = createZipSink();
  for (const task of tasks) {
    for (const d of readOutcome(task.outcome).datasets ?? []) {
      const dataset = `${task.system.key}/${d.name}`;
      const rules = rulesFor(dataset);
      files.push({ system: task.system.key, systemName: task.system.name, dataset: d.name, rows: d.rows });
      const { json, csv, counted } = datasetEntries({ storageKey: d.storageKey, dataset, rules, requesterEmails: own });
      if (counted) {
        // A failing entry fails the archive itself; this promise only tells the README when to count.
        const done = finished(json);
        done.catch(() => {});
        counting.push({ dataset, redactor: counted, done });
      }
      zip.add(`${task.system.key}/${entryName(d.name)}.json`, json);
      zip.add(`${task.system.key}/${entryName(d.name)}.csv`, csv);
    }
    for (const a of task.attachments) {
      attachments.push({ system: task.system.key, fileName: entryName(a.fileName), storageKey: a.storageKey });
      zip.add(`${task.system.key}/files/${entryName(a.fileName)}`, getObject(a.storageKey));
    }
  }
  const reference = formatReference(pkg.request.number, pkg.request.receivedAt);
  // The README is written when the archive reaches it, after every data set: the counts are final then.
  zip.add(
    'README.txt',
    Readable.from(
      (async function* () {
        await Promise.all(counting.map((c) => c.done));
        for (const c of counting)
          for (const [reason, count] of c.redactor.counts) withheld.push({ dataset: c.dataset, reason, count });
        yield packageReadme({ company: env().COMPANY_NAME, reference, files, attachments, withheld });
      })(),
    ),
  );
  // The systems that gave data, and those with no tasks (the portal's own records of the request),
  // which hold something about every requester.
  const recordKeepers = await db().dataSystem.findMany({
    where: { active: true, taskTypes: { isEmpty: true } },
    include: { categories: { orderBy: { position: 'asc' } } },
    orderBy: { name: 'asc' },
  });
  const inventory = [...tasks.map((t) => t.system), ...recordKeepers];
  const recipients = await db().dataRecipient.findMany({
    where: { active: true },
    select: { name: true, transferSafeguard: true, transferCountry: true },
    orderBy: { name: 'asc' },
  });
  zip.add(
    'supplementary-information.txt',
    Readable.from([
      supplementaryInformation({
        company: env().COMPANY_NAME,
        contactEmail: env().PRIVACY_CONTACT_EMAIL,
        inventory,
        recipients,
      }),
    ]),
  );
  zip.end();

  const key = packageKey(pkg.requestId, pkg.id);
  // The same key on every attempt: a retry after a worker died mid-upload replaces its parts.
  const { size } = await putObject(key, zip.output, { abortEarlierUploads: true });
  const builtAt = new Date();
  const expiresAt = new Date(builtAt.getTime() + env().DOWNLOAD_TTL_DAYS * 86_400_000);
  await db().$transaction(async (tx) => {
    // Only a package still building becomes ready: when two attempts overlap (a worker presumed
    // dead whose job was taken over, still running), the second finds it built and records nothing.
    const { count } = await tx.dataPackage.updateMany({
      where: { id: pkg.id, status: 'building' },
      data: { status: 'ready', storageKey: key, size, builtAt, expiresAt, lastError: null, withheld },
    });
    if (count === 0) return;
    await addJob(
      tx,
      'delete-data-package',
      { packageId: pkg.id },
      { runAt: expiresAt, jobKey: `delete-data-package:${pkg.id}` },
    );
    await recordAuditEvent(tx, {
      requestId: pkg.requestId,
      action: 'package.built',
      actor: { type: 'system' },
      data: { packageId: pkg.id, size, files: files.length, expiresAt: expiresAt.toISOString(), withheld },
    });
  });
}

/**
 * The job's last attempt failed: the package shows as failed to staff, with the reason, and any file
 * an attempt stored without recording it (the upload done, the database then out of reach) is
 * deleted, since no package row will ever point at it.
 */
export async function markPackageFailed(requestId: string, error: unknown) {
  logger.error({ err: error, requestId }, 'data package build failed');
  const failed = await db().dataPackage.updateManyAndReturn({
    where: { requestId, status: 'building' },
    data: { status: 'failed', lastError: error instanceof Error ? error.message.slice(0, 2000) : 'unknown error' },
    select: { id: true },
  });
  for (const pkg of failed) await deleteObject(packageKey(requestId, pkg.id));
}

/**
 * markPackageFailed after the job's last attempt, tried again while it fails: that attempt may have
 * failed because the database was out of reach, and then marking the package failed fails too, with
 * no attempt left to do it later; the package would show as building for good. Tries every 1 s,
 * doubling to 15 s, for `forMs` (10 minutes), then gives up with the last error.
 */
export async function markPackageFailedOnceReachable(requestId: string, error: unknown, forMs = 10 * 60_000) {
  const started = Date.now();
  for (let wait = 1000; ; wait = Math.min(wait * 2, 15_000)) {
    try {
      return await markPackageFailed(requestId, error);
    } catch (unreachable) {
      if (Date.now() - started + wait > forMs) throw unreachable;
      logger.warn({ err: unreachable, requestId }, 'could not mark the data package failed; trying again');
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** End of the download window: the file goes; the row stays as the record that it existed. */
export async function deleteDataPackage(options: { packageId: string }) {
  const pkg = await db().dataPackage.findUnique({ where: { id: options.packageId } });
  if (!pkg || pkg.status === 'deleted') return;
  if (pkg.expiresAt && pkg.expiresAt > new Date()) return;
  if (pkg.storageKey) await deleteObject(pkg.storageKey);
  await db().$transaction(async (tx) => {
    await tx.dataPackage.update({ where: { id: pkg.id }, data: { status: 'deleted', deletedAt: new Date() } });
    await recordAuditEvent(tx, {
      requestId: pkg.requestId,
      action: 'package.deleted',
      actor: { type: 'system' },
      data: { packageId: pkg.id },
    });
  });
}
