import { POST as requestsRoute } from '../../app/api/v1/requests/route';
import { checkedByContract } from './openapi-contract';

const postRequest = checkedByContract(requestsRoute);

/** POST /api/v1/requests as a client sends it: `body` as JSON, the answer checked against the OpenAPI document. */
export function postApiRequest(body: unknown, headers: Record<string, string> = {}) {
  return postRequest(
    new Request('http://portal.test/api/v1/requests', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );
}
