/**
 * A real S3-compatible server for tests and benches: s3rver (npm, file-backed) on a free port in a
 * child process (see s3rver-process.cjs for why not in-process), with one bucket, and the settings
 * that point the portal's storage at it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';

export type S3Server = {
  endpoint: string;
  bucket: string;
  /** The variables lib/env.ts reads, for STORAGE_ROOT=s3://bucket/<prefix>. */
  env(prefix: string): Record<string, string>;
  /** The requests the server received so far, as "METHOD /bucket/key?query", oldest first. */
  requests(): string[];
  /** The same, each with the client's TCP port on this machine (to find the process that sent it). */
  requestLog(): { request: string; clientPort: number }[];
  /**
   * Holds the next request whose "METHOD /bucket/key?query" matches `pattern` for `ms` before serving
   * it (a slow upload); one whose client went away meanwhile is dropped unread.
   */
  holdNext(pattern: RegExp, ms: number): void;
  /** The requests held so far, with their client's TCP port. */
  held(): { request: string; clientPort: number }[];
  /** A client of our own, to look at what is really stored. */
  client(): S3Client;
  stop(): Promise<void>;
};

/** s3rver's built-in account. */
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3Server(options: { bucket?: string } = {}): Promise<S3Server> {
  const bucket = options.bucket ?? 'portal-test';
  const dir = await mkdtemp(path.join(os.tmpdir(), 's3rver-'));
  const script = fileURLToPath(new URL('./s3rver-process.cjs', import.meta.url));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', script, dir, bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const log: { request: string; clientPort: number }[] = [];
  const held: { request: string; clientPort: number }[] = [];
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { port?: number; request?: string; held?: string; client?: number };
      if (message.port) resolve(message.port);
      if (message.request) log.push({ request: message.request, clientPort: message.client ?? 0 });
      if (message.held) held.push({ request: message.held, clientPort: message.client ?? 0 });
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before it listened`)));
  });
  const port = await listening;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: (prefix) => ({
      STORAGE_ROOT: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    }),
    requests: () => log.map((r) => r.request),
    requestLog: () => [...log],
    holdNext(pattern, ms) {
      child.stdin!.write(`${JSON.stringify({ hold: { pattern: pattern.source, ms } })}\n`);
    },
    held: () => [...held],
    client: () => new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials }),
    async stop() {
      child.stdin!.end();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
