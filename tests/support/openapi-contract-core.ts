/**
 * The contract check: every answer a wrapped route handler gives is checked against the portal's own
 * OpenAPI document (GET /api/v1/openapi.json), by method, path and status: the status must be
 * documented for that operation, the body must match its schema (ajv, JSON Schema 2020-12 as OpenAPI
 * 3.1 says), required headers must be there, and an answer documented without a body must have none.
 * A mismatch fails the test that got the answer.
 *
 * Integration tests wrap the handlers they import, and nothing else changes:
 *
 *     const postRequest = checkedByContract(POST);             // method and path from the Request
 *     const getHealth = checkedByContract(GET, 'GET /api/health'); // a handler that takes no Request
 *
 * Endpoints documented by a module spread into lib/requests/openapi.ts join the check the same way.
 * Each checked answer is logged (method, path template, status) for the run's coverage report
 * (tests/integration/global-setup.ts: every documented status must be exercised by some test).
 */
import { appendFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Operation = { responses: Record<string, DocumentedResponse> };
type DocumentedResponse = {
  content?: Record<string, { schema: unknown }>;
  headers?: Record<string, { required?: boolean }>;
};
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

export const DOCUMENT_ID = 'https://portal.test/api/v1/openapi.json';

let loaded: { doc: OpenApiDocument; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

/**
 * Checks answers against `doc` from now on: the document as a server served it (the end-to-end test
 * fetches /api/v1/openapi.json, as a client integrator would). By default, the one this code builds.
 */
/**
 * Where the document comes from when none is given: tests/support/openapi-contract.ts sets the app's
 * own (lib/requests/openapi.ts). Kept apart so that the e2e run, which checks the served document,
 * loads none of the app's modules (its JSON catalogs need a bundler or an import attribute).
 */
let defaultDocument: (() => unknown) | undefined;
export function setDefaultDocument(document: () => unknown) {
  defaultDocument = document;
}

export function useContractDocument(doc: unknown) {
  loaded = undefined;
  contractDocument(doc as OpenApiDocument);
}

/** The document, and an ajv that knows it: `$ref`s into `#/components` resolve as in the document. */
export function contractDocument(given?: OpenApiDocument) {
  if (!loaded) {
    if (!given && !defaultDocument) throw new Error('No OpenAPI document: call useContractDocument first');
    const doc = structuredClone(given ?? defaultDocument?.()) as unknown as OpenApiDocument;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema({ ...doc, $id: DOCUMENT_ID });
    loaded = { doc, ajv, validators: new Map() };
  }
  return loaded;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** A validator for the schema at `#/path/...` in the document. */
export function schemaAt(...parts: string[]): ValidateFunction {
  const { ajv, validators } = contractDocument();
  const ref = `${DOCUMENT_ID}#/${pointer(...parts)}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

/**
 * The documented path template of a concrete path and method (`/api/v1/requests/{id}` for
 * `GET /api/v1/requests/42`): an exact match first, then without a trailing slash, then with an empty
 * path parameter (a test may call a handler with one, which a real router would never route to it).
 */
export function documentedPath(path: string, method = 'get'): string | undefined {
  const paths = contractDocument().doc.paths;
  const pattern = (template: string, param: string) =>
    new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, param)}$`);
  const candidates = [
    (t: string) => pattern(t, '[^/]+').test(path),
    (t: string) => path.length > 1 && path.endsWith('/') && pattern(t, '[^/]+').test(path.slice(0, -1)),
    (t: string) => pattern(t, '[^/]*').test(path),
  ];
  const found = candidates.flatMap((matches) => Object.keys(paths).filter(matches));
  return found.find((t) => paths[t][method.toLowerCase()]) ?? found[0];
}

/** Checks one answer against the document; throws with what differs. Returns the operation key. */
export async function checkResponse(method: string, path: string, res: Response): Promise<string> {
  const template = documentedPath(path, method);
  if (!template) throw new Error(`OpenAPI contract: ${method} ${path} is not a documented path`);
  const operation = contractDocument().doc.paths[template][method.toLowerCase()];
  const key = `${method.toUpperCase()} ${template}`;
  if (!operation) throw new Error(`OpenAPI contract: ${key} is not a documented operation`);
  const status = String(res.status);
  const documented = operation.responses[status] ?? operation.responses.default;
  const text = await res.clone().text();
  if (!documented)
    throw new Error(`OpenAPI contract: ${key} answered ${status}, which is not documented: ${text.slice(0, 300)}`);
  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    if (header.required && !res.headers.has(name))
      throw new Error(`OpenAPI contract: ${key} ${status} lacks the required header ${name}`);
  }
  const mediaTypes = Object.keys(documented.content ?? {});
  if (mediaTypes.length === 0) {
    if (text !== '') throw new Error(`OpenAPI contract: ${key} ${status} is documented without a body, but has one`);
  } else {
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    if (!mediaTypes.includes(type))
      throw new Error(
        `OpenAPI contract: ${key} ${status} is ${type || 'untyped'}, documented as ${mediaTypes.join(', ')}`,
      );
    const body = type.endsWith('json') ? JSON.parse(text) : text;
    const validate = schemaAt('paths', template, method.toLowerCase(), 'responses', status, 'content', type, 'schema');
    if (!validate(body))
      throw new Error(
        `OpenAPI contract: ${key} ${status} body does not match the document: ${JSON.stringify(validate.errors, null, 1)}\n${text.slice(0, 500)}`,
      );
  }
  recordExercised(key, documented === operation.responses[status] ? status : 'default');
  return key;
}

/** Appends to the run's log of exercised answers (set up by tests/integration/setup.ts). */
function recordExercised(operation: string, status: string) {
  const log = process.env.OPENAPI_EXERCISED_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ operation, status })}\n`);
}

/**
 * A route handler whose every answer is checked against the document. `operation` ("GET /api/health")
 * is for handlers that take no Request; otherwise method and path come from the Request.
 */
export function checkedByContract<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
  operation?: string,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    const request = args[0] instanceof Request ? args[0] : undefined;
    const [method, path] = operation?.split(' ') ?? [
      request?.method ?? 'GET',
      request ? new URL(request.url).pathname : '',
    ];
    const res = await handler(...args);
    await checkResponse(method, path, res);
    return res;
  };
}

/** Every documented operation and status, as `"POST /api/v1/requests 201"`. */
export function documentedAnswers(doc: OpenApiDocument = contractDocument().doc): string[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      Object.keys(operation.responses ?? {}).map((status) => `${method.toUpperCase()} ${path} ${status}`),
    ),
  );
}

/**
 * Answers documented but not provoked by any test, on purpose, with the reason. Every other
 * documented answer must be exercised by the integration run (tests/integration/global-setup.ts).
 */
export const UNEXERCISED_ON_PURPOSE: Record<string, string> = {
  'POST /api/v1/requests 500': 'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'POST /api/v1/opt-outs 500': 'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'GET /api/v1/requests/{id} 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'GET /api/v1/staff/requests 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'GET /api/v1/staff/requests/{id} 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'POST /api/v1/staff/requests/{id}/notes 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'PUT /api/v1/staff/requests/{id}/assignee 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'PUT /api/v1/staff/tasks/{id}/assignee 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'PATCH /api/v1/staff/tasks/{id} 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
  'POST /api/v1/staff/tasks/{id}/complete 500':
    'an unexpected error: no input provokes it (lib/errors.ts turns it into a reference)',
};
