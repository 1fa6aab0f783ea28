/**
 * The OpenAPI 3.1 description of the public JSON API. The request body's schema is generated from
 * the same zod schema the API parses with, so the document cannot drift from the code.
 */
import { VERIFICATION_LEVELS } from '../verification/levels';
import { z } from 'zod';
import { AGENT_DOCUMENT_MAX_BYTES } from '../agents/agent-document';
import { env } from '../env';
import { REQUEST_STATUSES } from '../universal/codes';
import { newRequestSchema } from '../universal/request-schema';
import { DENIAL_REASONS } from './denial-notices';
import { REGIONAL_REQUEST_TYPES, regimesOffering } from '../universal/regional-rights';
import { OPT_OUTS } from '../verification/opt-outs';

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'object',
          additionalProperties: { type: 'array', items: { type: 'string' } },
          description: 'Messages per field, keyed by dotted path (e.g. "agent.email").',
        },
        reference: { type: 'string', description: 'For unexpected errors: quote it when contacting us.' },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBody } },
});

/**
 * The agent's proof travels beside the shared schema's fields (the browser's form posts it as a
 * file): the API reads and checks it on its own (lib/agents/agent-document.ts), and says so here.
 */
const agentDocument = {
  type: 'object',
  required: ['content'],
  additionalProperties: false,
  description: `Required with \`agent\`: the signed permission or power of attorney (CCPA regs §7063), a PDF, PNG or JPEG of at most ${AGENT_DOCUMENT_MAX_BYTES / 1024 / 1024} MB, checked by its content. Without it the request is refused with 422 (\`error.fields["agent.document"]\`). Only with it may the body exceed 64 KB (up to 8 MB).`,
  properties: {
    filename: { type: 'string', maxLength: 200, examples: ['signed-permission.pdf'] },
    content: { type: 'string', contentEncoding: 'base64', description: 'The file, in standard base64.' },
  },
};

function withAgentDocument(schema: Record<string, unknown>) {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  const agent = properties?.agent;
  if (!agent?.properties) return schema;
  return {
    ...schema,
    properties: {
      ...properties,
      agent: {
        ...agent,
        properties: { ...(agent.properties as object), document: agentDocument },
        required: [...((agent.required as string[] | undefined) ?? []), 'document'],
      },
    },
  };
}

export function openApiDocument() {
  const { $schema: _, ...generated } = z.toJSONSchema(newRequestSchema, { io: 'input', unrepresentable: 'any' });
  const newRequest = withAgentDocument(generated as Record<string, unknown>);
  const optOuts = OPT_OUTS.map((o) => `\`${o.type}\``).join(', ');
  const regional = REGIONAL_REQUEST_TYPES.map((type) => `\`${type}\`: ${regimesOffering(type).join(', ')}`).join('; ');
  return {
    openapi: '3.1.0',
    info: {
      title: `${env().COMPANY_NAME} privacy requests API`,
      version: '1.0.0',
      description: `File a privacy-rights request: \`access\`, \`correction\`, \`deletion\`, \`export\`, \`restriction\`, \`objection\` (to processing, GDPR Art. 21), \`unsubscribe\` (from marketing email), \`opt_out_sale\` (of sale or sharing) and \`limit_sensitive\` (the use of sensitive personal information). The last two are accepted only from a regime whose law gives them (${regional}); elsewhere the request is refused with a field error on \`types\`. The address in \`email\` receives a verification link; the request is acted on once it is confirmed. Opt-outs (${optOuts}) need no verification: a request of opt-outs only starts \`in_progress\`, is acted on at receipt and its address receives a confirmation with the status-page link instead; in a request that also asks for more, the opt-outs are acted on at receipt and the rest waits for the confirmation. In the agent case \`email\` is the data subject's and \`agent.email\` the agent's; the agent sends its proof as \`agent.document\` (base64) and says which kind in \`agent.authorization\`. With \`signed_permission\` the verification link goes to the data subject, who confirms (and may agree that the agent receives copies of our emails) or refuses, which closes the request as denied (\`agent_not_authorized\`). With \`power_of_attorney\` the link goes to the agent, and the data subject is not asked. The agent then receives its own read-only status link; any data package goes to the data subject only.`,
    },
    servers: [{ url: env().APP_URL }],
    paths: {
      '/api/v1/requests': {
        post: {
          operationId: 'createRequest',
          summary: 'File a request',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewRequest' } } },
          },
          responses: {
            '201': {
              description:
                'Recorded. Usually `unverified`: a verification email is on its way. A request of opt-outs only is `in_progress` with `verificationRequired: false`: no verification step, a confirmation email with the status-page link is on its way.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/CreatedRequest' } } },
            },
            '400': errorResponse('The body is not valid JSON or UTF-8.'),
            '413': errorResponse('The body is larger than 64 KB (8 MB with `agent.document`).'),
            '415': errorResponse('The body is not application/json.'),
            '422': errorResponse('Some fields are invalid; `error.fields` says which and why.'),
            '429': errorResponse('Too many requests; see Retry-After.'),
          },
        },
      },
      '/api/v1/requests/{id}': {
        get: {
          operationId: 'getRequestStatus',
          summary: 'The status of a request, for the holder of its status-page token',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            {
              name: 'token',
              in: 'query',
              required: true,
              schema: { type: 'string' },
              description:
                'The token of the status link sent by email after verification (at receipt for a request of opt-outs only), or with the decision on a request whose email was not confirmed in time.',
            },
          ],
          responses: {
            '200': {
              description: 'The status',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestStatus' } } },
            },
            '404': errorResponse('Unknown request or wrong token (indistinguishable on purpose).'),
          },
        },
      },
      '/api/health': {
        get: {
          operationId: 'health',
          responses: {
            '200': { description: 'The database answers: `{ "db": "ok" }`' },
            '503': { description: 'The database does not answer' },
          },
        },
      },
    },
    components: {
      schemas: {
        NewRequest: newRequest,
        CreatedRequest: {
          type: 'object',
          required: ['id', 'reference', 'status', 'verificationRequired', 'actedOnAtReceipt'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            reference: { type: 'string', examples: ['BR-2026-000123'] },
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
              items: { type: 'string' },
              description: `The opt-outs (${optOuts}) of the request, acted on at receipt without verification.`,
            },
          },
        },
        RequestStatus: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            reference: { type: 'string' },
            locale: {
              type: 'string',
              description:
                'The language it was filed in (`locale` of the request, default `en`): its emails and status page use it.',
            },
            types: { type: 'array', items: { type: 'string' } },
            jurisdiction: { type: 'string' },
            status: {
              enum: [...REQUEST_STATUSES],
              description:
                'A request whose email address is not confirmed before its newest verification link runs out is `denied` with `denialReason` `cannot_verify`. `expired` is what that closure was called before; requests closed that way keep it.',
            },
            receivedAt: { type: 'string', format: 'date-time' },
            dueAt: { type: 'string', format: 'date-time' },
            timeZone: { type: 'string' },
            deadlineExplanation: {
              type: 'array',
              items: { type: 'string' },
              description: 'How the due date was computed, step by step.',
            },
            closedAt: { type: ['string', 'null'], format: 'date-time' },
            denialReason: {
              enum: [...Object.keys(DENIAL_REASONS), null],
              description: 'Why a denied request, or a request completed in part, was refused; null otherwise.',
            },
            decisionNotices: {
              type: ['array', 'null'],
              items: { type: 'string' },
              description:
                "A refusal's notices, as the decision email gave them: the legal basis of an exemption, what was done in part, the appeal or the authority to complain to, per the requester's regime and the reason; null when nothing was refused.",
            },
            canWithdraw: { type: 'boolean' },
            optOut: {
              type: ['object', 'null'],
              description:
                "The request's opt-outs, acted on from receipt without verification; null when it has none. `only`: nothing else was asked (the request completes by itself once honored).",
              properties: {
                types: { type: 'array', items: { type: 'string' } },
                only: { type: 'boolean' },
                honoredAt: { type: ['string', 'null'], format: 'date-time' },
              },
            },
            question: { type: ['string', 'null'], description: 'While status is awaiting_requester: what we asked.' },
            timeline: {
              type: 'array',
              items: {
                type: 'object',
                properties: { at: { type: 'string', format: 'date-time' }, summary: { type: 'string' } },
              },
            },
            accountEmail: {
              type: ['object', 'null'],
              description:
                'The other account email named on the request, masked. Until `provenAt` is set it is a claim: no system is searched, copied, changed or erased under it. The requester proves it from the status page, by a link sent to that address.',
              properties: {
                masked: { type: 'string', examples: ['j•••@e•••.com'] },
                provenAt: { type: ['string', 'null'], format: 'date-time' },
              },
            },
            verification: {
              type: 'object',
              description:
                'How far the requester has proven who they are, and what the request needs before work starts and before its data is released, from the verification rules (lib/verification/level-rules.ts): none < email < reasonable < high. Below `neededForWork` staff cannot start; below `neededForRelease` the data package is held back. The status page offers the ways to prove more.',
              required: ['reached', 'neededForWork', 'neededForRelease', 'readyForRelease', 'moreNeeded'],
              properties: {
                reached: { enum: [...VERIFICATION_LEVELS] },
                neededForWork: { enum: [...VERIFICATION_LEVELS] },
                neededForRelease: { enum: [...VERIFICATION_LEVELS] },
                readyForRelease: { type: 'boolean' },
                moreNeeded: {
                  type: 'boolean',
                  description: 'Something more must be proven while it can still be used.',
                },
              },
            },
            appeal: {
              type: 'object',
              description:
                'Where the regime has an appeal step (the US states whose law has one, e.g. US-VA, US-CO, US-CT, US-TX): whether the denial can still be appealed (on the status page), and the appeal made.',
              properties: {
                canAppeal: { type: 'boolean' },
                closesAt: { type: ['string', 'null'], format: 'date-time' },
                made: {
                  type: ['object', 'null'],
                  properties: {
                    status: { enum: ['pending', 'granted', 'rejected'] },
                    receivedAt: { type: 'string', format: 'date-time' },
                    dueAt: { type: 'string', format: 'date-time' },
                    decidedAt: { type: ['string', 'null'], format: 'date-time' },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
