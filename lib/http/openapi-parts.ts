/**
 * Pieces every operation of the OpenAPI document uses, so each module that describes endpoints
 * (lib/requests/openapi.ts and the modules it spreads in) states errors the same way: the body
 * `toErrorBody` writes (lib/errors.ts), with the codes that status can carry.
 */
import { ERROR_STATUS, type ErrorCode } from '../errors';

/** The error body for `codes`: `{ error: { code, message, fields?, reference? } }`. */
export function errorBodySchema(codes: (ErrorCode | 'INTERNAL')[]) {
  const internal = codes.includes('INTERNAL');
  return {
    type: 'object',
    required: ['error'],
    additionalProperties: false,
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', ...(internal ? ['reference'] : [])],
        additionalProperties: false,
        properties: {
          code: { enum: codes },
          message: { type: 'string', description: 'Safe to show to a person.' },
          fields: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 },
            description:
              'Messages per field, keyed by dotted path (e.g. "agent.email"; "_form" for the body as a whole).',
          },
          ...(internal
            ? { reference: { type: 'string', format: 'uuid', description: 'Quote it when contacting us.' } }
            : {}),
        },
      },
    },
  };
}

const retryAfter = {
  'Retry-After': {
    required: true,
    description: 'Seconds to wait before trying again.',
    schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
  },
};

/** A documented error answer; 429 and 503 also carry Retry-After. */
export function errorResponse(code: ErrorCode | 'INTERNAL', description: string) {
  const status = code === 'INTERNAL' ? 500 : ERROR_STATUS[code];
  return {
    description,
    ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
    content: { 'application/json': { schema: errorBodySchema([code]) } },
  };
}

/** The answers any operation that touches the database can give, beside its own. */
export const serverErrorResponses = {
  '500': errorResponse(
    'INTERNAL',
    'Something unexpected went wrong; nothing is said about it but `error.reference`, under which it was logged.',
  ),
  '503': errorResponse(
    'UNAVAILABLE',
    'The database does not answer, or is too busy: nothing was saved. Try again after Retry-After.',
  ),
};
