/**
 * The OpenAPI 3.1 description of POST /api/v1/opt-outs, joined to the portal's document by
 * lib/requests/openapi.ts. The body's schema is generated from the zod schema the route parses with.
 */
import { z } from 'zod';
import { reportOptOutSchema } from './schemas';

const error = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
              reference: { type: 'string' },
            },
          },
        },
      },
    },
  },
});

const recordedOptOut = {
  type: 'object',
  required: ['id', 'reference', 'status', 'type', 'signal', 'receivedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid', description: 'The opt-out request the signal was recorded as.' },
    reference: { type: 'string' },
    status: { type: 'string', description: '`in_progress` when recorded; `completed` once every system acted.' },
    type: { const: 'opt_out_sale' },
    signal: { const: 'gpc' },
    receivedAt: { type: 'string', format: 'date-time' },
  },
};

/** How a property authenticates: `Authorization: Bearer bsk_<prefix>_<secret>`, a key with `opt-outs:write`. */
export const optOutsSecurityScheme = {
  serverApiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A server API key an admin created under /admin/api-keys (`bsk_<prefix>_<secret>`), holding the scope the operation names.',
  },
};

export function optOutsOpenApiPaths() {
  const { $schema: _, ...body } = z.toJSONSchema(reportOptOutSchema, { io: 'input', unrepresentable: 'any' });
  return {
    '/api/v1/opt-outs': {
      post: {
        operationId: 'reportOptOut',
        summary: 'Report a Global Privacy Control signal for a signed-in account',
        description:
          'For Bitstride’s own properties, with a server API key holding `opt-outs:write` (`Authorization: Bearer bsk_…`). The signal is recorded as a request to opt out of sale/sharing (CCPA regs §7025(c)(1)), acted on at receipt: no verification, tasks to every system that sells, shares or targets advertising, a confirmation email to `email`. Idempotent per person (`email`) and signal: the first report answers 201, every repeat 200 with the same request. `observedAt` may not be in the future (5 minutes of clock skew allowed). `jurisdiction` defaults to `US-CA`. Limited per key per hour (`RATE_LIMIT_OPT_OUTS_PER_KEY`).',
        requestBody: { required: true, content: { 'application/json': { schema: body } } },
        responses: {
          '201': {
            description: 'Recorded: a new opt-out request',
            content: { 'application/json': { schema: recordedOptOut } },
          },
          '200': {
            description: 'Recorded before: the same opt-out request',
            content: { 'application/json': { schema: recordedOptOut } },
          },
          '400': error('The body is not JSON, or not UTF-8'),
          '401': error('No API key, or not a valid one (unknown, wrong secret or revoked)'),
          '403': error('The key does not have the scope `opt-outs:write`'),
          '413': error('The body is over 64 KB'),
          '415': error('The body is not `application/json`'),
          '422': error('A field is missing or wrong: `error.fields` names each'),
          '429': error('Too many reports with this key in the last hour: see Retry-After'),
          '500': error('Unexpected: quote `error.reference`'),
          '503': error('The database does not answer: try again (Retry-After)'),
        },
      },
    },
  };
}
