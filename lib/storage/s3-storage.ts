/**
 * The S3 driver: AWS S3 or any S3-compatible service (MinIO, Cloudflare R2, ...) through the AWS SDK.
 * Writes go through @aws-sdk/lib-storage's Upload, which turns a stream of unknown length into a
 * multipart upload of PART_BYTES parts with at most PARTS_IN_FLIGHT of them in memory; only the
 * final CompleteMultipartUpload (or a single PutObject for a small object) makes the object visible,
 * and on failure Upload aborts the multipart upload. A process killed mid-upload leaves invisible
 * parts behind: a write with `abortEarlierUploads` aborts those of its own key once it succeeded, and
 * the README asks for a bucket lifecycle rule that aborts the rest.
 */
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { logger } from '../logger';
import type { StorageDriver } from './storage-driver';

/**
 * S3's smallest part, two in flight: what the package bench needs to stay under 256 MB of RSS
 * (docs/benchmarks.md). The SDK's default of four in flight cost about 50 MB more and was no faster
 * against s3rver. 5 MiB x 10,000 parts caps one object at 48 GiB, far above any package.
 */
export const PART_BYTES = 5 * 1024 * 1024;
export const PARTS_IN_FLIGHT = 2;

export type S3StorageOptions = {
  bucket: string;
  /** Prepended to every key, without slashes at either end; '' for none. */
  prefix: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** An S3 failure in words an operator can act on; the SDK's error stays as the cause. */
function explain(error: unknown, action: string, where: string, options: S3StorageOptions): Error {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const code = e.code ?? (e as { cause?: { code?: string } }).cause?.code;
  let reason: string;
  if (e.name === 'NoSuchBucket') reason = `the bucket "${options.bucket}" does not exist`;
  else if (e.name === 'NoSuchKey') reason = 'there is no such object';
  else if (e.name === 'CredentialsProviderError')
    reason =
      'no S3 credentials found: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or configure the AWS default credential chain';
  else if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'Forbidden'].includes(e.name ?? ''))
    reason = `S3 refused the credentials (${e.name})`;
  else if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    reason = `cannot reach ${options.endpoint ?? `AWS S3 in ${options.region}`} (${code})`;
  else reason = `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
  return new Error(`storage: ${action} ${where} failed: ${reason}`, { cause: error });
}

export function s3Storage(options: S3StorageOptions): StorageDriver {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
  });
  const Bucket = options.bucket;
  const objectKey = (key: string) => (options.prefix ? `${options.prefix}/${key}` : key);
  const where = (key: string) => `s3://${Bucket}/${objectKey(key)}`;

  /** The unfinished multipart uploads of exactly this key (a listing by prefix also finds longer keys). */
  const unfinishedUploads = async (Key: string) => {
    const ids: string[] = [];
    let KeyMarker: string | undefined;
    let UploadIdMarker: string | undefined;
    for (;;) {
      const page = await client.send(
        new ListMultipartUploadsCommand({ Bucket, Prefix: Key, KeyMarker, UploadIdMarker }),
      );
      for (const u of page.Uploads ?? []) if (u.Key === Key && u.UploadId) ids.push(u.UploadId);
      if (!page.IsTruncated) return ids;
      KeyMarker = page.NextKeyMarker;
      UploadIdMarker = page.NextUploadIdMarker;
    }
  };

  return {
    async write(key, body, { abortEarlierUploads = false } = {}) {
      const Key = objectKey(key);
      // Listed before this upload starts, so that it can never be among them: a writer that started
      // earlier and never finished (a killed worker) and whose parts nobody will ever complete.
      const earlier = abortEarlierUploads
        ? await unfinishedUploads(Key).catch((error) => {
            throw explain(error, 'listing unfinished uploads of', where(key), options);
          })
        : [];
      const upload = new Upload({
        client,
        params: { Bucket, Key, Body: body, ContentType: 'application/octet-stream' },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
      });
      await upload.done().catch((error) => {
        throw explain(error, 'writing', where(key), options);
      });
      // Only once this write is whole: until then an earlier writer's parts are no one's loss either.
      // The object is stored; parts left behind here are the lifecycle rule's to clear, not a failure.
      for (const UploadId of earlier)
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch((error) => {
          if ((error as Error).name !== 'NoSuchUpload')
            logger.warn({ err: explain(error, 'aborting an unfinished upload of', where(key), options) }, 'storage');
        });
    },

    read(key) {
      const out = new PassThrough();
      const abort = new AbortController();
      let answered = false;
      // A reader that gives up before S3 answers (a download cancelled) cancels the request.
      out.once('close', () => {
        if (!answered) abort.abort();
      });
      client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }), { abortSignal: abort.signal }).then(
        (response) => {
          answered = true;
          pipeline(response.Body as Readable, out, () => undefined);
        },
        (error) => out.destroy(explain(error, 'reading', where(key), options)),
      );
      return out;
    },

    async size(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404 &&
          (error as Error).name !== 'NoSuchBucket'
        )
          return null;
        throw explain(error, 'looking up', where(key), options);
      }
    },

    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) })).catch((error) => {
        throw explain(error, 'deleting', where(key), options);
      });
    },

    async removeFolder(folder) {
      const Prefix = `${objectKey(folder)}/`;
      try {
        // Listing resumes after the last key it returned, so deleting each page as it comes is safe.
        for await (const page of paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket, Prefix })) {
          const Objects = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
          if (Objects.length === 0) continue;
          const result = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
          if (result.Errors?.length) {
            const first = result.Errors[0];
            throw new Error(
              `${result.Errors.length} of ${Objects.length} objects were not deleted (first: ${first.Key}: ${first.Code} ${first.Message ?? ''})`,
            );
          }
        }
      } catch (error) {
        throw explain(error, 'deleting everything under', `s3://${Bucket}/${Prefix}`, options);
      }
    },
  };
}
