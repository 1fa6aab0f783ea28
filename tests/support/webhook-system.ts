/**
 * A local stand-in for an external system behind a webhook connector (the one kind of thing outside
 * the portal that tests stub). Each test sets how it answers; every job it received is kept.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedJob = { headers: IncomingMessage['headers']; raw: string; body: Record<string, unknown> };
type Answer = (job: ReceivedJob, res: ServerResponse) => void;

export async function startWebhookSystem() {
  const jobs: ReceivedJob[] = [];
  let answer: Answer = (_job, res) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: 'done', confirmation: 'ok' }));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const job = { headers: req.headers, raw, body: JSON.parse(raw) as Record<string, unknown> };
      jobs.push(job);
      answer(job, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jobs`,
    jobs,
    answerWith(next: Answer) {
      answer = next;
    },
    json(status: number, body: unknown, contentType = 'application/json') {
      answer = (_job, res) =>
        res
          .writeHead(status, { 'content-type': contentType })
          .end(typeof body === 'string' ? body : JSON.stringify(body));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
