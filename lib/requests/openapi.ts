/**
 * The OpenAPI 3.1 description of the public JSON API: every status each operation answers, with its
 * body, and every rule of a request body that JSON Schema can say (the rest in descriptions). The
 * request body's schema is generated from the zod schema the API parses with; the contract test
 * (tests/support/openapi-contract.ts) checks every answer the integration tests get against it.
 */
import { errorResponse, serverErrorResponses } from '../http/openapi-parts';
import { drpOpenApiPaths, drpSecuritySchemes } from '../drp/protocol/openapi';
import { env } from '../env';
import { REGIONAL_REQUEST_TYPES, regimesOffering } from '../universal/regional-rights';
import { OPT_OUTS } from '../verification/opt-outs';
import { LOCALES } from '../universal/i18n/locales';
import { newRequestJsonSchema } from './openapi-new-request';
import { exactObject, requestStatusSchema } from './openapi-status';
import { optOutsOpenApiPaths } from '../opt-outs/openapi';
import { staffApiOpenApiPaths, staffApiSchemas, staffApiSecuritySchemes } from '../staff-api/protocol/openapi';
import { webhookEventSchema, webhooksOpenApi } from '../webhooks/openapi';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const STATUS_TOKEN = `The \`token\` of the requester's status-page link, \`<APP_URL>/status/{id}?token=…\`: the link is emailed once the address is confirmed (at receipt for a request of opt-outs only; with the decision for a request whose address was never confirmed). It is 43 characters of base64url (\`[A-Za-z0-9_-]\`). The API does not hand it out: \`POST /api/v1/requests\` answers the request's \`id\`, and the data subject's inbox holds the token, so only they (or a client they give the link to) can read the status. An agent's read-only link (\`/status/{id}/agent?token=…\`) is for the page only. A wrong token answers 404, like an unknown id; wrong tokens count against the caller's address (429 past the limit).`;

export function openApiDocument() {
  const optOuts = OPT_OUTS.map((o) => `\`${o.type}\``).join(', ');
  const regional = REGIONAL_REQUEST_TYPES.map((type) => `\`${type}\`: ${regimesOffering(type).join(', ')}`).join('; ');
  return {
    openapi: '3.1.0',
    info: {
      title: `${env().COMPANY_NAME} privacy requests API`,
      version: '1.0.0',
      description: `File a privacy-rights request: \`access\`, \`correction\`, \`deletion\`, \`export\`, \`restriction\`, \`objection\` (to processing, GDPR Art. 21), \`unsubscribe\` (from marketing email), \`opt_out_sale\` (of sale or sharing) and \`limit_sensitive\` (the use of sensitive personal information). The last two are accepted only from a regime whose law gives them (${regional}); elsewhere the request is refused with a field error on \`types\`. The address in \`email\` receives a verification link; the request is acted on once it is confirmed. Opt-outs (${optOuts}) need no verification: a request of opt-outs only starts \`in_progress\`, is acted on at receipt and its address receives a confirmation with the status-page link instead; in a request that also asks for more, the opt-outs are acted on at receipt and the rest waits for the confirmation. In the agent case \`email\` is the data subject's and \`agent.email\` the agent's; the agent sends its proof as \`agent.document\` (base64) and says which kind in \`agent.authorization\`. With \`signed_permission\` the verification link goes to the data subject, who confirms (and may agree that the agent receives copies of our emails) or refuses, which closes the request as denied (\`agent_not_authorized\`). With \`power_of_attorney\` the link goes to the agent, and the data subject is not asked. The agent then receives its own read-only status link; any data package goes to the data subject only.\n\nFiling needs no credentials. Reading a request's status needs its status token (security scheme \`statusToken\`). The staff API (\`/api/v1/staff/…\`) needs a key an admin created for a staff member (security scheme \`staffApiKey\`; each operation's scope in \`x-scope\`). Every error answers \`{ "error": { "code", "message", "fields"?, "reference"? } }\`; 429 and 503 say when to try again in Retry-After.`,
    },
    servers: [{ url: env().APP_URL }],
    paths: {
      ...drpOpenApiPaths,
      ...optOutsOpenApiPaths(),
      ...staffApiOpenApiPaths(),
      '/api/v1/requests': {
        post: {
          operationId: 'createRequest',
          summary: 'File a request',
          security: [],
          parameters: [
            {
              name: 'Accept-Language',
              in: 'header',
              required: false,
              description: `The language of the request when the body has no \`locale\`, and of every error's \`message\` (the 422's \`fields\` too) until the body's \`locale\` is read: a body that cannot be read is answered in it (matched to ${LOCALES.map((l) => `\`${l}\``).join(', ')} by CLDR language distance; English when none is close). \`error.code\` is the same in every language.`,
              schema: { type: 'string', examples: ['fr-FR,fr;q=0.9,en;q=0.5'] },
            },
          ],
          requestBody: { required: true, content: json(ref('NewRequest')) },
          responses: {
            '201': {
              description:
                'Recorded. Usually `unverified`: a verification email is on its way. A request of opt-outs only is `in_progress` with `verificationRequired: false`: no verification step, a confirmation email with the status-page link is on its way.',
              content: json(ref('CreatedRequest')),
            },
            '400': errorResponse('BAD_REQUEST', 'The body is not valid JSON or UTF-8.'),
            '413': errorResponse('PAYLOAD_TOO_LARGE', 'The body is larger than 64 KB (8 MB with `agent.document`).'),
            '415': errorResponse('UNSUPPORTED_MEDIA_TYPE', 'The body is not sent as `application/json`.'),
            '422': errorResponse(
              'INVALID_INPUT',
              'The body breaks a rule of `NewRequest` (its schema, or a rule its descriptions state); `error.fields` says which field and why, in the request’s language (its `locale`, else `Accept-Language`): the words the request form shows for the same mistake. `error.code` stays `INVALID_INPUT`. Nothing is stored.',
            ),
            '429': errorResponse(
              'RATE_LIMITED',
              'Too many requests from this address, or for this email address, or too many of its requests waiting for confirmation. Nothing is stored.',
            ),
            ...serverErrorResponses,
          },
        },
      },
      '/api/v1/requests/{id}': {
        get: {
          operationId: 'getRequestStatus',
          summary: 'The status of a request, for the holder of its status token',
          security: [{ statusToken: [] }],
          parameters: [
            {
              name: 'Accept-Language',
              in: 'header',
              required: false,
              description:
                'The language of an error’s `message` (English when none of ours is close); `error.code` is the same in every language.',
              schema: { type: 'string', examples: ['de-DE,de;q=0.9'] },
            },
            {
              name: 'id',
              in: 'path',
              required: true,
              description: 'The `id` that `createRequest` answered (any other value answers 404).',
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          responses: {
            '200': {
              description: 'The status. Sent with `Cache-Control: no-store`.',
              content: json(ref('RequestStatus')),
            },
            '404': errorResponse(
              'NOT_FOUND',
              'Unknown request, or a missing, malformed or wrong token (indistinguishable on purpose).',
            ),
            '429': errorResponse(
              'RATE_LIMITED',
              'Too many wrong status links from this address. The right token is never refused.',
            ),
            ...serverErrorResponses,
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'The OpenAPI 3.1 document', content: json({ type: 'object' }) } },
        },
      },
      '/api/health': {
        get: {
          operationId: 'health',
          summary: 'Whether the portal can reach its database (for load balancers and monitors)',
          security: [],
          responses: {
            '200': {
              description: 'The database answered within a second. Sent with `Cache-Control: no-store`.',
              content: json(ref('Health')),
            },
            '503': {
              description: 'The database did not answer within a second.',
              content: json(exactObject({ db: { const: 'unavailable' } })),
            },
          },
        },
      },
    },
    webhooks: webhooksOpenApi(),
    components: {
      securitySchemes: {
        statusToken: { type: 'apiKey', in: 'query', name: 'token', description: STATUS_TOKEN },
        ...drpSecuritySchemes,
        ...staffApiSecuritySchemes,
      },
      schemas: {
        NewRequest: newRequestJsonSchema(),
        CreatedRequest: exactObject({
          id: { type: 'string', format: 'uuid', description: 'The request, for `getRequestStatus`.' },
          reference: { type: 'string', pattern: '^BR-\\d{4}-\\d{6}$', examples: ['BR-2026-000123'] },
          status: {
            enum: ['unverified', 'in_progress'],
            description:
              '`unverified`: waiting for the email address to be confirmed. `in_progress`: a request of opt-outs only, being acted on since receipt; it never waits for confirmation and never expires unconfirmed.',
          },
          verificationRequired: {
            type: 'boolean',
            description:
              'Whether anything waits for the email address to be confirmed (a verification link was sent). False for a request of opt-outs only.',
          },
          actedOnAtReceipt: {
            type: 'array',
            uniqueItems: true,
            items: { enum: OPT_OUTS.map((o) => o.type) },
            description: `The opt-outs (${optOuts}) of the request, acted on at receipt without verification.`,
          },
        }),
        RequestStatus: requestStatusSchema,
        Health: exactObject({ db: { const: 'ok' } }),
        ...staffApiSchemas,
        WebhookEvent: webhookEventSchema,
      },
    },
  };
}
