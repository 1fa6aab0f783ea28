/**
 * One HTTP POST of a webhook to an address the SSRF guard already checked (the connection goes to
 * that address, never to a second lookup). The receiver's answer is read up to RESPONSE_LIMIT bytes,
 * which is all the delivery log keeps; the rest is not waited for.
 */
import { env } from '../env';
import { type CheckedAddress, postToCheckedAddress } from '../fulfilment/connectors/network-guard';

export const RESPONSE_LIMIT = 1024;

export type WebhookAnswer = { status: number; text: string };

export function postWebhook(
  url: URL,
  address: CheckedAddress,
  body: string,
  headers: Record<string, string>,
): Promise<WebhookAnswer> {
  return new Promise((resolve, reject) => {
    const timeoutMs = env().WEBHOOK_TIMEOUT_SECONDS * 1000;
    const req = postToCheckedAddress(
      url,
      address,
      body,
      { headers, userAgent: 'bitstride-privacy-portal-webhooks', timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          clearTimeout(overall);
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_LIMIT),
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (size >= RESPONSE_LIMIT) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_LIMIT) {
            done();
            res.destroy();
          }
        });
        res.on('end', done);
        res.on('error', () => done());
      },
    );
    // The socket's idle timeout, and one for the whole exchange (a receiver trickling bytes).
    const overall = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => {
      clearTimeout(overall);
      reject(
        new Error(
          e.message === 'timeout'
            ? `No answer within ${env().WEBHOOK_TIMEOUT_SECONDS} s`
            : `Could not reach the endpoint (${e.message})`,
        ),
      );
    });
    req.end(body);
  });
}
