import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver does with the next POST: answer with a status and body, or never answer. */
export type Behaviour = { status: number; body?: string } | 'hang';

export type Received = { headers: http.IncomingHttpHeaders; body: string };

/**
 * A local HTTP server standing in for a webhook endpoint: it follows a script of behaviours (the last
 * one repeats) and keeps every request it got.
 */
export async function startWebhookReceiver() {
  let script: Behaviour[] = [{ status: 200, body: 'ok' }];
  const received: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.length > 1 ? script.shift()! : script[0];
      if (next === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(next.status, { 'content-type': 'text/plain' }).end(next.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer(...behaviours: Behaviour[]) {
      script = behaviours;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
