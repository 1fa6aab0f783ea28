import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { deleteObject, putObject } from '../storage/storage';
import type { AgentDocument } from './agent-document';

/** Every agent's proof lives under one prefix, apart from packages and identity evidence. */
export const agentDocumentKey = (requestId: string) => `agent-authorizations/${requestId}/${randomUUID()}`;

/**
 * Stores the agent's proof, encrypted (lib/storage), before the request's row exists: the row then
 * names it. `discard` removes it again when the request could not be written.
 */
export async function storeAgentDocument(requestId: string, document: AgentDocument) {
  const key = agentDocumentKey(requestId);
  const { size } = await putObject(key, Readable.from([document.bytes]));
  return {
    row: { documentKey: key, documentName: document.filename, documentType: document.type, documentSize: size },
    discard: () => deleteObject(key),
  };
}
