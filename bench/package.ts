/**
 * bench/package: the data package pipeline's streaming cost, side by side with writing the same
 * bytes without the portal, in the same run. `npm run bench:package` (BENCH_MB=1024 by default).
 *
 * Stage 1 (runs now): the PostgreSQL connector collects BENCH_MB of rows through its cursor into
 * encrypted NDJSON in storage, against writing the same number of bytes straight to a file.
 * Stage 2, the package: the data set read back from storage (decrypted), turned into JSON and CSV,
 * zipped (lib/fulfilment/package/zip-sink.ts) and stored encrypted, as the build job does, against
 * zipping the same NDJSON bytes twice from a plain file with the same library and level.
 * Prints a Markdown table with wall time, throughput and the process's peak RSS per stage (the package
 * stages also with the process's CPU time, steadier than wall time on a shared machine). The package
 * stages run ROUNDS times (3 by default), one after the other in turn; the table gives each stage's
 * median round, and every round is printed below it.
 * REDACTION=on adds the package stage again with redaction rules on, built by the job's own
 * `datasetEntries` (lib/fulfilment/package/dataset-entries.ts):
 * the email, phone and secret patterns, a custom RE2 expression, a withheld column and a withheld
 * row, applied while streaming as the build job does.
 *
 * STORAGE=s3 stores into a real S3-compatible server instead of a local folder: s3rver, file-backed,
 * in a child process (tests/support/s3-server.ts), so its memory is not in the figures. The
 * baselines then upload their bytes to the same server (@aws-sdk/lib-storage, same part size).
 */
import { Upload } from '@aws-sdk/lib-storage';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough, Readable } from 'node:stream';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { PART_BYTES, PARTS_IN_FLIGHT } from '../lib/storage/s3-storage';
import { startS3Server, type S3Server } from '../tests/support/s3-server';
import { freePort } from '../tests/support/test-database';

const TARGET_MB = Number(process.env.BENCH_MB ?? 1024);
const STORAGE = process.env.STORAGE === 's3' ? 's3' : 'local';
const REDACTION = process.env.REDACTION === 'on';
/** Each package stage runs ROUNDS times, alternating; the table gives each stage's median round. */
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 3));
/** One generated row is about 420 bytes of NDJSON. */
const ROW_BYTES = 420;

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function measure<T>(run: () => Promise<T>) {
  global.gc?.();
  const rss = rssSampler();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return {
    result,
    seconds: (performance.now() - started) / 1000,
    /** This process's CPU time, every thread (zlib's included): on a shared machine, steadier than wall time. */
    cpuSeconds: (used.user + used.system) / 1e6,
    peakMb: rss.stop() / 1024 / 1024,
  };
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-package-'));
  const pgDir = await mkdtemp(path.join(os.tmpdir(), 'bench-package-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort(), persistent: false });
  const s3: S3Server | null = STORAGE === 's3' ? await startS3Server({ bucket: 'bench' }) : null;
  process.env.DATABASE_URL = pg.url;
  if (s3) Object.assign(process.env, s3.env('portal'));
  else process.env.STORAGE_ROOT = path.join(dir, 'storage');
  const where = s3 ? 'S3 (s3rver)' : 'storage';
  const plainTarget = s3 ? 'an S3 upload to the same server' : 'a file';
  /** The baselines' sink: a file, or an upload to the same bucket without the portal. */
  const writePlain = async (name: string, source: Readable) => {
    if (!s3) return pipeline(source, createWriteStream(path.join(dir, name)));
    const client = s3.client();
    // A PassThrough because Upload accepts only Node's own Readable, and archiver's is another one.
    const body = new PassThrough();
    await Promise.all([
      pipeline(source, body),
      new Upload({
        client,
        params: { Bucket: s3.bucket, Key: `baseline/${name}`, Body: body },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
      }).done(),
    ]);
    client.destroy();
  };
  process.env.LOG_LEVEL = 'silent';
  process.env.CONNECTOR_TIMEOUT_SECONDS = '600';
  try {
    const { runPostgresConnector } = await import('../lib/fulfilment/connectors/postgres-connector');
    const rows = Math.ceil((TARGET_MB * 1024 * 1024) / ROW_BYTES);
    // Rows made on the fly by the database: the connector streams them exactly as it would a table's.
    const statements = {
      collect: [
        {
          name: 'events',
          sql: `SELECT g AS id, $1::text AS email, now() AS at, repeat(md5(g::text), 11) AS payload FROM generate_series(1, ${rows}) g`,
        },
      ],
    };
    const collect = await measure(() =>
      runPostgresConnector(
        { connectionUrl: pg.url, statements },
        {
          taskId: '00000000-0000-4000-8000-00000000bench',
          type: 'collect',
          identities: ['bench@example.com'],
          change: null,
        },
      ),
    );
    const { storedSize } = await import('../lib/storage/storage');
    const storedBytes = (await storedSize(collect.result.datasets![0].storageKey))!;

    // The same number of bytes written without the portal: no database, no JSON, no encryption.
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const chunks = Math.ceil(storedBytes / chunk.length);
    const baseline = await measure(() =>
      writePlain(
        'baseline.bin',
        Readable.from(
          (function* () {
            for (let i = 0; i < chunks; i++) yield chunk;
          })(),
        ),
      ),
    );

    const mb = storedBytes / 1024 / 1024;
    const lines = [
      `| stage | bytes | wall time | throughput | peak RSS |`,
      `|---|---|---|---|---|`,
      `| collect: PostgreSQL cursor -> NDJSON -> AES-256-GCM -> ${where} (${collect.result.datasets![0].rows.toLocaleString('en')} rows) | ${mb.toFixed(0)} MB | ${collect.seconds.toFixed(1)} s | ${(mb / collect.seconds).toFixed(0)} MB/s | ${collect.peakMb.toFixed(0)} MB |`,
      `| baseline: the same bytes straight to ${plainTarget} | ${mb.toFixed(0)} MB | ${baseline.seconds.toFixed(1)} s | ${(mb / baseline.seconds).toFixed(0)} MB/s | ${baseline.peakMb.toFixed(0)} MB |`,
    ];
    console.log(lines.join('\n'));
    console.log(
      `\ncollect throughput / baseline: ${(mb / collect.seconds / (mb / baseline.seconds)).toFixed(2)}; ${os.cpus().length} cores, ${os.cpus()[0]?.model}, Node ${process.version}`,
    );

    // Stage 2. The plain copy for the baseline is made outside the timings.
    const { getObject, putObject } = await import('../lib/storage/storage');
    const { ndjsonToCsv, ndjsonToJson } = await import('../lib/fulfilment/package/dataset-formats');
    const { createZipSink } = await import('../lib/fulfilment/package/zip-sink');
    const { ZipArchive } = await import('archiver');
    const key = collect.result.datasets![0].storageKey;
    const plain = path.join(dir, 'plain.ndjson');
    await pipeline(getObject(key), createWriteStream(plain));
    const plainMb = (await stat(plain)).size / 1024 / 1024;
    const { createReadStream } = await import('node:fs');

    const buildPackage = async () => {
      const zip = createZipSink();
      zip.add('events.json', Readable.from(ndjsonToJson(getObject(key))));
      zip.add('events.csv', Readable.from(ndjsonToCsv(getObject(key))));
      zip.end();
      return putObject('packages/bench/package.zip', zip.output);
    };
    const zipPlainFile = async () => {
      const archive = new ZipArchive({ zlib: { level: 6 } });
      const done = writePlain('baseline.zip', archive);
      archive.append(createReadStream(plain), { name: 'events.json' });
      archive.append(createReadStream(plain), { name: 'events.csv' });
      await archive.finalize();
      await done;
    };
    const { datasetEntries } = await import('../lib/fulfilment/package/dataset-entries');
    const rules = [
      { kind: 'pattern' as const, target: 'email', regex: null, reason: 'third_party' as const },
      { kind: 'pattern' as const, target: 'phone', regex: null, reason: 'third_party' as const },
      { kind: 'pattern' as const, target: 'secret', regex: null, reason: 'security' as const },
      { kind: 'pattern' as const, target: 'regex', regex: 'ticket-[0-9]{6}', reason: 'third_party' as const },
      { kind: 'field' as const, target: 'at', regex: null, reason: 'third_party' as const },
      { kind: 'row' as const, target: '10', regex: null, reason: 'third_party' as const },
    ];
    const buildRedactedPackage = async () => {
      // The build job's own entries (lib/fulfilment/package/dataset-entries.ts).
      const { json, csv } = datasetEntries({
        storageKey: key,
        dataset: 'bench/rows',
        rules,
        requesterEmails: ['bench@example.com'],
      });
      const zip = createZipSink();
      zip.add('events.json', json);
      zip.add('events.csv', csv);
      zip.end();
      return putObject('packages/bench/package-redacted.zip', zip.output);
    };
    type Measured = Awaited<ReturnType<typeof measure<unknown>>>;
    const rounds: { packaged: Measured; zip: Measured; redacted: Measured | null }[] = [];
    // The stages alternate, round after round: a shared machine's slow spell then touches each of them.
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({
        packaged: await measure(buildPackage),
        zip: await measure(zipPlainFile),
        redacted: REDACTION ? await measure(buildRedactedPackage) : null,
      });
    }
    /** A stage's round of median wall time, with that round's CPU time; the peak RSS of all rounds. */
    const median = (pick: (r: (typeof rounds)[number]) => Measured): Measured => {
      const sorted = rounds.map(pick).sort((a, b) => a.seconds - b.seconds);
      return { ...sorted[Math.floor((sorted.length - 1) / 2)], peakMb: Math.max(...sorted.map((m) => m.peakMb)) };
    };
    const packaged = median((r) => r.packaged);
    const zipBaseline = median((r) => r.zip);
    const redacted = REDACTION ? median((r) => r.redacted!) : null;
    const storedMb = (Number((await storedSize('packages/bench/package.zip')) ?? 0) / 1024 / 1024).toFixed(0);
    const input = plainMb * 2;
    const zipLines = [
      `| stage | input | wall time | CPU time | throughput | peak RSS |`,
      `|---|---|---|---|---|---|`,
      `| package: ${where} -> decrypt -> JSON + CSV -> ZIP -> AES-256-GCM -> ${where} (${storedMb} MB stored) | ${input.toFixed(0)} MB | ${packaged.seconds.toFixed(1)} s | ${packaged.cpuSeconds.toFixed(1)} s | ${(input / packaged.seconds).toFixed(0)} MB/s | ${packaged.peakMb.toFixed(0)} MB |`,
      `| baseline: the same bytes zipped from a plain file (archiver, level 6) to ${plainTarget} | ${input.toFixed(0)} MB | ${zipBaseline.seconds.toFixed(1)} s | ${zipBaseline.cpuSeconds.toFixed(1)} s | ${(input / zipBaseline.seconds).toFixed(0)} MB/s | ${zipBaseline.peakMb.toFixed(0)} MB |`,
      ...(redacted
        ? [
            `| package with redaction rules (6: email, phone, secret, RE2 expression, a column, a row) | ${input.toFixed(0)} MB | ${redacted.seconds.toFixed(1)} s | ${redacted.cpuSeconds.toFixed(1)} s | ${(input / redacted.seconds).toFixed(0)} MB/s | ${redacted.peakMb.toFixed(0)} MB |`,
          ]
        : []),
    ];
    console.log(`\n${zipLines.join('\n')}`);
    console.log(
      `\nstorage: ${STORAGE}; package throughput / ZIP baseline: ${(input / packaged.seconds / (input / zipBaseline.seconds)).toFixed(2)} (target >= 0.5); peak RSS target < 256 MB`,
    );
    if (redacted)
      console.log(
        `with redaction rules: throughput / ZIP baseline ${(zipBaseline.seconds / redacted.seconds).toFixed(2)}, / plain package ${(packaged.seconds / redacted.seconds).toFixed(2)} (target >= 0.5 of the ZIP baseline, same memory bound); by CPU time: ${(zipBaseline.cpuSeconds / redacted.cpuSeconds).toFixed(2)} of the ZIP baseline, ${(packaged.cpuSeconds / redacted.cpuSeconds).toFixed(2)} of the plain package`,
      );
    if (ROUNDS > 1)
      console.log(
        `rounds (wall / CPU s; package, ZIP baseline${REDACTION ? ', with rules: its ratio to the ZIP baseline' : ''}): ${rounds
          .map((r) =>
            [r.packaged, r.zip, r.redacted]
              .filter((m): m is Measured => m !== null)
              .map((m) => `${m.seconds.toFixed(1)} / ${m.cpuSeconds.toFixed(1)}`)
              .join(', ')
              .concat(r.redacted ? ` (${(r.zip.seconds / r.redacted.seconds).toFixed(2)})` : ''),
          )
          .join('; ')}`,
      );
  } finally {
    await s3?.stop();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(pgDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
