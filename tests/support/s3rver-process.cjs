// A real S3-compatible server (s3rver, file-backed) for tests/support/s3-server.ts, in its own
// process because s3rver's ListObjectsV2 continuation tokens use DES, which Node 20's OpenSSL 3
// offers only with --openssl-legacy-provider; that flag stays out of the process under test.
// Usage: node --openssl-legacy-provider s3rver-process.cjs <folder> <bucket>. Prints one JSON line
// {"port":N} when it listens, then {"request":"METHOD /path?query","client":<its TCP port>} as each
// request arrives (the port tells which process sent it).
// Reads commands on stdin, one JSON line each: {"hold":{"pattern":"<regexp>","ms":N}} holds the next
// request matching the pattern for N ms before serving it, as a slow network would, and prints
// {"held":"METHOD /path?query","client":<port>} when it does (so that a test can kill its sender
// mid-request). A held request whose client went away meanwhile is dropped unread.
// s3rver 3.7 keeps unfinished multipart uploads as folders but answers neither ListMultipartUploads
// nor AbortMultipartUpload, and it takes parts for an upload that is gone: those three are served
// here from its folders, as S3 does, so that tests can see and clean up what a killed writer left.
const fs = require('node:fs/promises');
const path = require('node:path');
const { createInterface } = require('node:readline');
const S3rver = require('s3rver');

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});
// s3rver removes a folder left empty by a delete while another request may be writing into it (two
// instances' readiness probes writing and deleting health/<id> at once), and the write's stream
// error then ends the process. S3 has no folders: the files go, the folders stay.
server.store.deleteObject = async function deleteObject(name, key) {
  for (const resource of ['object', 'object.md5', 'metadata.json'])
    await fs.unlink(this.getResourcePath(name, key, resource)).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
};
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
/** The next request to hold: `{ pattern: RegExp, ms }`, or null. */
let hold = null;
// First in the chain, so each request is seen as it starts (a part upload, say, before its body).
server.middleware.unshift(async (ctx, next) => {
  const request = `${ctx.method} ${ctx.url}`;
  const client = ctx.req.socket.remotePort;
  print({ request, client });
  if (hold?.pattern.test(request)) {
    const { ms } = hold;
    hold = null;
    print({ held: request, client });
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (ctx.req.destroyed || ctx.req.socket.destroyed) {
      ctx.status = 408;
      return;
    }
  }
  // Node's HTTP server dates its answers by the real clock, which the suite may have shifted
  // (tests/support/test-clock.mjs); the AWS SDK would then "correct" its clock to the real one.
  ctx.set('Date', new Date().toUTCString());
  await next();
});

/** s3rver's own layout (lib/stores/filesystem.js): <folder>/<bucket>/._S3rver_uploads/<uploadId>/{key,1,2,...}. */
const uploadsOf = (name) => path.join(directory, name, '._S3rver_uploads');
const xml = (text) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const s3Error = (ctx, status, code, message) => {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`;
};

async function listUploads(name, prefix) {
  const ids = await fs.readdir(uploadsOf(name)).catch(() => []);
  const uploads = [];
  for (const id of ids) {
    const keyFile = path.join(uploadsOf(name), id, 'key');
    const key = await fs.readFile(keyFile, 'utf8').catch(() => null);
    if (key === null || !key.startsWith(prefix)) continue;
    uploads.push({ key, id, initiated: (await fs.stat(keyFile)).mtime });
  }
  return uploads.sort((a, b) => a.key.localeCompare(b.key) || a.initiated - b.initiated);
}

// Second in the chain, after the request is printed.
server.middleware.splice(1, 0, async (ctx, next) => {
  const [name, ...rest] = ctx.path.slice(1).split('/').filter(Boolean);
  const uploadId = ctx.query.uploadId;
  if (ctx.method === 'GET' && rest.length === 0 && 'uploads' in ctx.query) {
    const prefix = String(ctx.query.prefix ?? '');
    const uploads = await listUploads(name, prefix);
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>
<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${xml(name)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><Prefix>${xml(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${uploads
      .map(
        (u) =>
          `<Upload><Key>${xml(u.key)}</Key><UploadId>${u.id}</UploadId><Initiated>${u.initiated.toISOString()}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`,
      )
      .join('')}</ListMultipartUploadsResult>`;
    return;
  }
  if (typeof uploadId === 'string' && rest.length > 0 && ['DELETE', 'PUT'].includes(ctx.method)) {
    const folder = path.join(uploadsOf(name), path.basename(uploadId));
    const known = await fs
      .stat(path.join(folder, 'key'))
      .then(() => true)
      .catch(() => false);
    if (!known) return s3Error(ctx, 404, 'NoSuchUpload', 'The specified upload does not exist.');
    if (ctx.method === 'DELETE') {
      await fs.rm(folder, { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
  }
  await next();
});

server.run().then(({ port }) => {
  print({ port });
});
// The parent holds our stdin: its commands come there, and when it exits, for whatever reason, so do we.
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.hold) hold = { pattern: new RegExp(command.hold.pattern), ms: command.hold.ms };
});
// Keep-alive connections of a client still alive (the load's own) would hold close() open for good.
process.stdin.on('end', () => {
  setTimeout(() => process.exit(0), 1000).unref();
  server.close().finally(() => process.exit(0));
});
