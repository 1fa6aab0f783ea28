/**
 * The contract check (openapi-contract-core.ts) against the app's own OpenAPI document, for the
 * integration tests, which call route handlers in process.
 */
import { openApiDocument } from '../../lib/requests/openapi';
import { setDefaultDocument } from './openapi-contract-core';

setDefaultDocument(openApiDocument);

export * from './openapi-contract-core';
