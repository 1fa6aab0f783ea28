/**
 * A local stand-in for the Resend API (the one thing outside the machine that tests stub): the
 * SDK's `POST {baseUrl}/emails`, with Resend's idempotency. A request with an Idempotency-Key the
 * stub has already accepted gets the same id back and is not a new delivery, as Resend does for 24 h.
 *
 * Errors have Resend's JSON shape `{ statusCode, name, message }`: the SDK hands that body to the
 * caller as `error` as it is, so `statusCode` in the body is what lib/email/transport.ts classifies.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubEmail = { from: string; to: string | string[]; subject: string; html?: string; text?: string };

export type StubRequest = {
  idempotencyKey: string | null;
  userAgent: string | null;
  authorization: string | null;
  body: StubEmail;
  receivedAt: Date;
  /** What the stub answered: the HTTP status (0 while no answer has gone out: hung or cut), and the id. */
  status: number;
  id: string | null;
};

export type Delivery = { id: string; idempotencyKey: string | null; body: StubEmail; acceptedAt: Date };

/**
 * When a hung request counts as accepted: on arrival (the provider sent the message but its answer
 * is late: the case where a retry could send twice) or only when its answer finally goes out.
 */
export type HangAccept = 'on-arrival' | 'on-answer';

/** An HTTP error answer, or `drop`: the connection is cut before any answer (a network failure). */
type Failure = { status: number } | 'drop';

const ERROR_NAMES: Record<number, string> = {
  400: 'validation_error',
  401: 'missing_api_key',
  403: 'invalid_api_key',
  409: 'invalid_idempotent_request',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
  503: 'application_error',
};

/** mulberry32: a tiny seeded PRNG, so a "random" failure pattern is the same on every run. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function errorBody(status: number, message: string) {
  return { statusCode: status, name: ERROR_NAMES[status] ?? 'application_error', message };
}

export type ResendStub = Awaited<ReturnType<typeof startResendStub>>;

export async function startResendStub(options: { seed?: number } = {}) {
  const requests: StubRequest[] = [];
  const byKey = new Map<string, Delivery>();
  const deliveries: Delivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const waiters = new Set<() => void>();

  let failQueue: Failure[] = [];
  let failRate: { p: number; status: number; random: () => number } | null = null;
  let hangAll: { ms: number; accept: HangAccept } | null = null;
  let hangQueue: { ms: number; accept: HangAccept }[] = [];

  const notify = () => {
    for (const w of waiters) w();
  };

  /** Resend's idempotency: the first acceptance of a key is the delivery; later ones replay its id. */
  function accept(key: string | null, body: StubEmail): { status: number; id: string | null } {
    const known = key ? byKey.get(key) : undefined;
    if (known) {
      if (JSON.stringify(known.body) !== JSON.stringify(body)) return { status: 409, id: null };
      return { status: 200, id: known.id };
    }
    const delivery: Delivery = { id: randomUUID(), idempotencyKey: key, body, acceptedAt: new Date() };
    deliveries.push(delivery);
    if (key) byKey.set(key, delivery);
    return { status: 200, id: delivery.id };
  }

  function respond(res: ServerResponse, record: StubRequest, result: { status: number; id: string | null }) {
    record.status = result.status;
    record.id = result.id;
    if (result.status === 200) answer(res, 200, { id: result.id });
    else answer(res, result.status, errorBody(result.status, 'Same idempotency key used with a different payload.'));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/emails') {
      answer(res, 404, errorBody(404, `No route ${req.method} ${req.url}`));
      return;
    }
    let body: StubEmail;
    try {
      body = JSON.parse(raw) as StubEmail;
    } catch {
      answer(res, 400, errorBody(400, 'Body is not JSON.'));
      return;
    }
    const key = req.headers['idempotency-key'];
    const record: StubRequest = {
      idempotencyKey: typeof key === 'string' ? key : null,
      userAgent: req.headers['user-agent'] ?? null,
      authorization: req.headers.authorization ?? null,
      body,
      receivedAt: new Date(),
      status: 0,
      id: null,
    };
    requests.push(record);
    notify();

    const failure =
      failQueue.shift() ?? (failRate && failRate.random() < failRate.p ? { status: failRate.status } : undefined);
    if (failure === 'drop') {
      req.socket.destroy();
      return;
    }
    if (failure) {
      record.status = failure.status;
      answer(res, failure.status, errorBody(failure.status, 'Stubbed failure.'));
      return;
    }
    if (!body.from || !body.to || !body.subject) {
      record.status = 422;
      answer(res, 422, errorBody(422, 'Missing `from`, `to` or `subject`.'));
      return;
    }
    const hung = hangQueue.shift() ?? hangAll;
    if (!hung) {
      respond(res, record, accept(record.idempotencyKey, body));
      return;
    }
    // A provider that answers late, or never with ms = Infinity (the client times out or dies first).
    const early = hung.accept === 'on-arrival' ? accept(record.idempotencyKey, body) : null;
    if (early) record.id = early.id;
    if (!Number.isFinite(hung.ms)) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      // A real provider finishes the work even when the client has gone away.
      respond(res, record, early ?? accept(record.idempotencyKey, body));
      notify();
    }, hung.ms);
    timers.add(timer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => answer(res, 500, errorBody(500, String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** Every request received, in order, failures and replays included. */
    requests,
    /** Accepted messages: one per Idempotency-Key, however many times the key was sent. */
    deliveries,
    /** How many requests carried each Idempotency-Key. */
    requestsPerKey() {
      const counts = new Map<string | null, number>();
      for (const r of requests) counts.set(r.idempotencyKey, (counts.get(r.idempotencyKey) ?? 0) + 1);
      return counts;
    },
    deliveryFor(key: string) {
      return byKey.get(key);
    },
    /** The next `n` requests fail with `status`. */
    failNext(n: number, status = 500) {
      failQueue.push(...Array.from({ length: n }, () => ({ status })));
    },
    /** The next `n` requests have their connection cut without an answer. */
    dropNext(n: number) {
      failQueue.push(...Array.from({ length: n }, () => 'drop' as const));
    },
    /** From now on each request fails with probability `p`, drawn from a PRNG seeded per stub. */
    failRate(p: number, status = 500, seed = options.seed ?? 42) {
      failRate = p > 0 ? { p, status, random: seededRandom(seed) } : null;
    },
    /** Every request from now on is answered only after `ms`. */
    hang(ms: number, accept: HangAccept = 'on-arrival') {
      hangAll = { ms, accept };
    },
    /** The next `n` requests are answered only after `ms` (never, by default). */
    hangNext(n: number, ms = Infinity, accept: HangAccept = 'on-arrival') {
      hangQueue.push(...Array.from({ length: n }, () => ({ ms, accept })));
    },
    /** Resolves once `predicate` holds, checked on every request; rejects after `timeoutMs`. */
    waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`Resend stub: condition not met within ${timeoutMs} ms (${requests.length} requests so far)`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
      });
    },
    /** Forgets every request, delivery and failure or hang setting; drops hung connections. */
    reset() {
      requests.length = 0;
      deliveries.length = 0;
      byKey.clear();
      failQueue = [];
      failRate = null;
      hangAll = null;
      hangQueue = [];
      timers.forEach(clearTimeout);
      timers.clear();
      server.closeAllConnections();
    },
    async close() {
      timers.forEach(clearTimeout);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
