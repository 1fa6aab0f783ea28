/**
 * The DRP 1.0 Covered Business endpoints in the portal's OpenAPI document (lib/requests/openapi.ts
 * spreads `drpOpenApiPaths` into its paths). Self-contained: its schemas are inline, so joining the
 * document is one line. Signed bodies are text (base64 of an Ed25519 signature followed by the JSON
 * the schema names), so the JSON they carry is described in each operation's text.
 */
import { DRP_EXERCISES } from './exercises';

const DRP_STATUSES = ['open', 'in_progress', 'fulfilled', 'revoked', 'denied', 'expired'];
const DRP_REASONS = [
  'none',
  'need_user_verification',
  'suspected_fraud',
  'insuf_verification',
  'no_match',
  'claim_not_covered',
  'outside_jurisdiction',
  'too_many_requests',
  'other',
];
const time = { type: 'string', format: 'date-time', description: 'ISO 8601, written with `+00:00`.' };

const statusObject = {
  type: 'object',
  description:
    'The Exercise Status object (DRP 1.0 §3.03). Every field but `agent_request_id` and `results_url` is always present, never null.',
  required: [
    'request_id',
    'status',
    'reason',
    'received_at',
    'expected_by',
    'processing_details',
    'user_verification_url',
    'expires_at',
  ],
  additionalProperties: false,
  properties: {
    request_id: { type: 'string', format: 'uuid' },
    agent_request_id: { type: 'string', description: 'The `agent-request-id` the agent sent, when it sent one.' },
    status: { type: 'string', enum: DRP_STATUSES },
    reason: {
      type: 'string',
      enum: DRP_REASONS,
      description:
        '`need_user_verification` while the person has not confirmed from their own inbox; `none` otherwise unless denied.',
    },
    received_at: time,
    expected_by: { ...time, description: 'The legal due date from the deadline engine.' },
    processing_details: {
      type: 'string',
      minLength: 1,
      description: 'Where the request stands; the reason of any extension.',
    },
    user_verification_url: {
      type: 'string',
      format: 'uri',
      description: 'The portal page where the person can have the confirmation email sent again.',
    },
    expires_at: {
      ...time,
      description: 'While unconfirmed: when the confirmation link runs out. Otherwise: until when the record is kept.',
    },
    results_url: {
      type: 'string',
      format: 'uri',
      description: 'Only once `fulfilled`. Data goes to the person by email, never to the agent.',
    },
  },
};

const error = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', pattern: '^[0-9]{3}$', description: 'The HTTP status, as a string (§3.06).' },
    message: { type: 'string' },
    fatal: { type: 'boolean', const: true, description: 'The message will not be processed: sign a new one.' },
  },
};
const json = (schema: object) => ({ 'application/json': { schema } });
const signedBody = (carries: string) => ({
  required: true,
  description: `Base64 of the 64-byte Ed25519 signature followed by the JSON ${carries} (libsodium combined mode), signed with the agent's directory key.`,
  content: { 'text/plain': { schema: { type: 'string', pattern: '^[A-Za-z0-9+/]+={0,2}$', maxLength: 65536 } } },
});
const errors = {
  '403': {
    description:
      'The token is not valid, or the message fails a check of §3.07 (signature, agent-id, business-id, issued-at in the future, expired, a lifetime over one hour, replayed), or the request is another agent’s.',
    content: json(error),
  },
  '404': { description: 'The DRP API is not enabled.', content: json(error) },
  '429': { description: 'The agent’s hourly limit (`Retry-After`).', content: json(error) },
};
const requestId = { name: 'request_id', in: 'path', required: true, schema: { type: 'string' } };

export const drpOpenApiPaths = {
  '/api/drp/v1/agent/{agent-id}': {
    parameters: [{ name: 'agent-id', in: 'path', required: true, schema: { type: 'string' } }],
    post: {
      operationId: 'drpPairAgent',
      tags: ['DRP 1.0'],
      summary: 'Pair-wise key setup (DRP 1.0 §2.05)',
      description:
        'Signed `{ "agent-id", "business-id", "issued-at", "expires-at", "drp.version" }`. A new pairing replaces the agent’s token.',
      requestBody: signedBody('`{agent-id, business-id, issued-at, expires-at}`'),
      responses: {
        '200': {
          description: 'The bearer token for every other call.',
          content: json({
            type: 'object',
            required: ['agent-id', 'token'],
            additionalProperties: false,
            properties: { 'agent-id': { type: 'string' }, token: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } },
          }),
        },
        '403': { description: 'Any failure, with no body (§2.05.1).' },
        '404': errors['404'],
      },
    },
    get: {
      operationId: 'drpAgentInformation',
      tags: ['DRP 1.0'],
      summary: 'Agent information (§2.06); Authorization: Bearer <token>',
      responses: {
        '200': { description: 'The token is this agent’s.', content: json({ type: 'object', maxProperties: 0 }) },
        ...errors,
      },
    },
  },
  '/api/drp/v1/data-rights-request': {
    post: {
      operationId: 'drpExercise',
      tags: ['DRP 1.0'],
      summary: 'Data Rights Exercise (§2.01); Authorization: Bearer <token>; also with a trailing slash',
      description: `Signed envelope plus \`exercise\` (${DRP_EXERCISES.join(', ')}; \`sale:opt_out\` spelling accepted), \`regime\` (\`ccpa\` → California; absent or \`voluntary\` → the portal’s US rules), \`relationships\`, \`status_callback\` (http(s); called on every status change, through the SSRF guard), \`agent-request-id\`, and identity claims: \`email\` (required), \`name\`, \`email_verified\`, \`phone_number\`, \`phone_number_verified\`, \`address\`, \`address_verified\`, \`power_of_attorney\`, and \`locale\` (an extension DRP 1.0 lacks: OpenID Connect's standard claim, a BCP 47 tag; the language the person's emails and status page use, matched to the closest one the portal speaks; without it, the call's \`Accept-Language\` header; English without either). \`email_verified\` is a claim: the person still confirms from their inbox. \`sale:opt-in\` is recorded and answered \`denied\`/\`claim_not_covered\` with what it does in \`processing_details\`.`,
      requestBody: signedBody('of the exercise'),
      responses: {
        '200': { description: 'Filed as an ordinary request of the portal.', content: json(statusObject) },
        '400': { description: 'Authentic, but not JSON or not a valid exercise.', content: json(error) },
        '413': { description: 'A body over 64 KB.', content: json(error) },
        ...errors,
      },
    },
  },
  '/api/drp/v1/data-rights-request/{request_id}': {
    parameters: [requestId],
    get: {
      operationId: 'drpStatus',
      tags: ['DRP 1.0'],
      summary: 'Data Rights Status (§2.02); Authorization: Bearer <token>',
      responses: { '200': { description: 'Where the request stands.', content: json(statusObject) }, ...errors },
    },
    delete: {
      operationId: 'drpRevoke',
      tags: ['DRP 1.0'],
      summary: 'Data Rights Revoke (§2.04); Authorization: Bearer <token>; any Content-Type or none',
      requestBody: signedBody('`{ "reason"? }`'),
      responses: {
        '200': {
          description: 'The request is withdrawn: `revoked` (a closed one keeps its final state).',
          content: json(statusObject),
        },
        '400': { description: 'Authentic, but not a JSON object.', content: json(error) },
        '413': { description: 'A body over 64 KB.', content: json(error) },
        ...errors,
      },
    },
  },
};

/**
 * The DRP operations other than pairing take `Authorization: Bearer <token>` (the pairing's token).
 * This scheme names it, for the document's components.securitySchemes once it defines its schemes.
 */
export const drpSecuritySchemes = {
  drpBearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/drp/v1/agent/{agent-id}.' },
};
