/**
 * Delivering the package. The status page link alone is not enough: before disclosure the requester
 * proves again that they control the email (CCPA re-authentication) by asking for a one-time link,
 * sent to that address, good for an hour. The package itself is downloadable for DOWNLOAD_TTL_DAYS
 * after it was built. Every download is audited.
 */
import type { Readable } from 'node:stream';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { requestTimeZone } from '../../clock/request-deadline';
import { db, type Tx } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { env } from '../../env';
import { AppError } from '../../errors';
import { addJob } from '../../queue/add-job';
import { findRequestByStatusToken } from '../../verification/find-request-by-status-token';
import { assertVerifiedFor } from '../../verification/verification-gate';
import { publicLinks } from '../../email/public-links';
import { formatReference } from '../../universal/reference';
import { tokenSchema } from '../../universal/request-schema';
import { generateToken, hashToken } from '../../security/tokens';
import { getObject } from '../../storage/storage';
import { Prisma } from '../../generated/prisma/client';
import { withheldByReason, type WithheldCount } from '../redaction/reasons';

const LINK_TTL_MS = 60 * 60 * 1000;
const MAX_LINKS_PER_HOUR = 5;

/** Completion of an access or export request queues its package, in the completing transaction. */
export async function queueDataPackage(tx: Tx, request: { id: string; types: string[] }) {
  if (!request.types.some((t) => t === 'access' || t === 'export')) return false;
  // Where the workspace requires it, a reviewer releases the package (lib/fulfilment/redaction/release-package.ts).
  const review = env().PACKAGE_REVIEW_REQUIRED;
  const status = review ? ('awaiting_review' as const) : ('building' as const);
  await tx.dataPackage.upsert({
    where: { requestId: request.id },
    create: { requestId: request.id, status },
    update: {
      status,
      withheld: Prisma.DbNull,
      releasedAt: null,
      releasedBy: null,
      storageKey: null,
      size: null,
      builtAt: null,
      expiresAt: null,
      deletedAt: null,
      lastError: null,
    },
  });
  if (!review)
    await addJob(tx, 'build-data-package', { requestId: request.id }, { jobKey: `build-data-package:${request.id}` });
  return true;
}

/** What the status page shows about the package. */
export async function packageState(requestId: string) {
  const pkg = await db().dataPackage.findUnique({ where: { requestId } });
  if (!pkg) return null;
  const expired = pkg.status === 'deleted' || (pkg.expiresAt !== null && pkg.expiresAt <= new Date());
  return {
    status: expired ? ('expired' as const) : pkg.status,
    expiresAt: pkg.expiresAt,
    size: pkg.size === null ? null : Number(pkg.size),
    lastError: pkg.lastError,
    /** What was withheld, per reason over all data sets (counts only). */
    withheld: withheldByReason((pkg.withheld ?? []) as WithheldCount[]),
  };
}

/** "Email me a download link": from the status page, to the request's email only. */
export async function requestDownloadLink(options: {
  requestId: string;
  statusToken: string;
  ip?: string | null;
  userAgent?: string | null;
}) {
  await db().$transaction(async (tx) => {
    const request = await findRequestByStatusToken(options.requestId, options.statusToken, tx, options.ip);
    await tx.$queryRaw`SELECT id FROM privacy_request WHERE id = ${request.id}::uuid FOR UPDATE`;
    const pkg = await tx.dataPackage.findUnique({ where: { requestId: request.id } });
    if (!pkg || pkg.status !== 'ready' || !pkg.expiresAt || pkg.expiresAt <= new Date())
      throw new AppError('CONFLICT', 'There is no data package to download for this request.');
    // Disclosure waits for the level the regime asks before releasing data (the status page offers the ways).
    assertVerifiedFor(request, 'disclosure');
    const recent = await tx.downloadGrant.count({
      where: { requestId: request.id, createdAt: { gt: new Date(Date.now() - LINK_TTL_MS) } },
    });
    if (recent >= MAX_LINKS_PER_HOUR)
      throw new AppError(
        'RATE_LIMITED',
        'We have sent several links in the last hour. Use the newest one in your inbox, or try again later.',
      );
    const token = generateToken();
    const expiresAt = new Date(Date.now() + LINK_TTL_MS);
    await tx.downloadGrant.create({ data: { requestId: request.id, tokenHash: hashToken(token), expiresAt } });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'package.link_sent',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'You asked for a download link; we emailed it to you',
    });
    await enqueueEmail(tx, {
      template: 'download-link',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        // With the request's language, so the page opens in it whatever the browser says.
        downloadUrl: `${env().APP_URL}/download/${token}${request.locale !== 'en' ? `?lang=${request.locale}` : ''}`,
        linkMinutes: LINK_TTL_MS / 60_000,
        packageExpiresAt: pkg.expiresAt,
        timeZone: requestTimeZone(request),
      },
    });
  });
}

export type GrantState =
  | {
      state: 'ready';
      reference: string;
      size: number;
      packageExpiresAt: Date;
      withheld: { reason: WithheldCount['reason']; count: number }[];
    }
  | { state: 'link_expired' | 'link_used' | 'package_expired' | 'unknown'; statusUrl: string | null };

/** What a one-time link is now, without using it (mail scanners open links; only the button downloads). */
export async function inspectDownloadGrant(token: string): Promise<GrantState> {
  const grant = tokenSchema.safeParse(token).success
    ? await db().downloadGrant.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { request: { include: { dataPackage: true } } },
      })
    : null;
  if (!grant) return { state: 'unknown', statusUrl: null };
  const { request } = grant;
  const pkg = request.dataPackage;
  const statusUrl = publicLinks.statusOf(request);
  if (!pkg || pkg.status !== 'ready' || !pkg.expiresAt || pkg.expiresAt <= new Date())
    return { state: 'package_expired', statusUrl };
  if (grant.usedAt) return { state: 'link_used', statusUrl };
  if (grant.expiresAt <= new Date()) return { state: 'link_expired', statusUrl };
  return {
    state: 'ready',
    reference: formatReference(request.number, request.receivedAt),
    size: Number(pkg.size ?? 0),
    packageExpiresAt: pkg.expiresAt,
    withheld: withheldByReason((pkg.withheld ?? []) as WithheldCount[]),
  };
}

/** Uses the one-time link (atomically: a second use gets GONE) and opens the decrypted package. */
export async function openDownload(options: {
  token: string;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<{ stream: Readable; fileName: string; size: number }> {
  if (!tokenSchema.safeParse(options.token).success)
    throw new AppError('NOT_FOUND', 'This download link is not valid.');
  return db().$transaction(async (tx) => {
    const used = await tx.downloadGrant.updateManyAndReturn({
      where: { tokenHash: hashToken(options.token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.length === 0)
      throw new AppError(
        'GONE',
        'This download link has expired or was already used. Ask for a new one on your request page.',
      );
    const grant = used[0];
    const pkg = await tx.dataPackage.findUnique({ where: { requestId: grant.requestId }, include: { request: true } });
    if (!pkg || pkg.status !== 'ready' || !pkg.storageKey || !pkg.expiresAt || pkg.expiresAt <= new Date())
      throw new AppError('GONE', 'The download window for this package has ended.');
    assertVerifiedFor(pkg.request, 'disclosure');
    await recordAuditEvent(tx, {
      requestId: grant.requestId,
      action: 'package.downloaded',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'You downloaded your data',
      data: { packageId: pkg.id, grantId: grant.id },
    });
    return {
      stream: getObject(pkg.storageKey),
      fileName: `${formatReference(pkg.request.number, pkg.request.receivedAt)}-data.zip`,
      size: Number(pkg.size ?? 0),
    };
  });
}
