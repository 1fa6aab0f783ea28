// A real S3-compatible server (s3rver, file-backed) for tests/support/s3-server.ts, in its own
// process because s3rver's ListObjectsV2 continuation tokens use DES, which Node 20's OpenSSL 3
// offers only with --openssl-legacy-provider; that flag stays out of the process under test.
// Usage: node --openssl-legacy-provider s3rver-process.cjs <folder> <bucket>. Prints one JSON line
// {"port":N} when it listens, then {"request":"METHOD /path?query"} as each request arrives.
const S3rver = require('s3rver');

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
// First in the chain, so each request is seen as it starts (a part upload, say, before its body).
server.middleware.unshift(async (ctx, next) => {
  print({ request: `${ctx.method} ${ctx.url}` });
  // Node's HTTP server dates its answers by the real clock, which the suite may have shifted
  // (tests/support/test-clock.mjs); the AWS SDK would then "correct" its clock to the real one.
  ctx.set('Date', new Date().toUTCString());
  await next();
});

server.run().then(({ port }) => {
  print({ port });
});
// The parent holds our stdin: when it exits, for whatever reason, so do we.
process.stdin.resume();
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
