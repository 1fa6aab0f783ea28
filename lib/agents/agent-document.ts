/**
 * The document an authorized agent files as proof (signed permission or a power of attorney): a PDF
 * or a photo, checked by its first bytes rather than by the name or type the sender claims.
 */
import { AppError } from '../errors';
import { type Phrase, phrase } from '../universal/i18n/phrase';

export const AGENT_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

const KINDS = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
] as const;

export type AgentDocument = { filename: string; type: (typeof KINDS)[number]['type']; bytes: Buffer };

const FIELD = 'agent.document';

/** A 422 whose message is the document field's own, in the language the request is answered in. */
function refuse(message: Phrase): never {
  throw AppError.said('INVALID_INPUT', message, { phraseField: FIELD });
}

/** The one clear refusal for an agent who sent no proof (§7063(a) lets a business deny it). */
export function refuseMissingAgentDocument(): never {
  refuse(phrase('agent.document.missing'));
}

/** A document as sent: its bytes and the name it came with. Throws a 422 with a field error. */
export function checkAgentDocument(input: { filename: string; bytes: Buffer }): AgentDocument {
  if (input.bytes.length === 0) refuseMissingAgentDocument();
  if (input.bytes.length > AGENT_DOCUMENT_MAX_BYTES)
    refuse(phrase('agent.document.tooLarge', { maxMb: AGENT_DOCUMENT_MAX_BYTES / (1024 * 1024) }));
  const kind = KINDS.find(({ magic }) => magic.every((byte, i) => input.bytes[i] === byte));
  if (!kind) refuse(phrase('agent.document.wrongType'));
  // Kept for staff to recognise the file; never used as a path (the storage key is ours).
  const filename =
    input.filename
      .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
      .trim()
      .slice(0, 200) || 'document';
  return { filename, type: kind.type, bytes: input.bytes };
}

/** The JSON API's form of the document: `{ filename, content }`, content in base64. */
export function agentDocumentFromJson(value: unknown): AgentDocument | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { content?: unknown }).content !== 'string' ||
    !/^[A-Za-z0-9+/]*={0,2}$/.test((value as { content: string }).content)
  )
    refuse(phrase('agent.document.jsonShape', { shape: '{ "filename": "…", "content": "<base64>" }' }));
  const { filename, content } = value as { filename?: unknown; content: string };
  return checkAgentDocument({
    filename: typeof filename === 'string' ? filename : 'document',
    bytes: Buffer.from(content, 'base64'),
  });
}

/** The largest API body: a 5 MB document in base64 with the request's fields. */
export const AGENT_JSON_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The API body without `agent.document` (the shared schema never sees a file), and the document
 * checked. A body that is not an object with an agent is returned as it is, for the schema to judge.
 */
export function splitAgentDocument(body: unknown): { body: unknown; agentDocument?: AgentDocument } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { body };
  const agent = (body as { agent?: unknown }).agent;
  if (typeof agent !== 'object' || agent === null || Array.isArray(agent) || !('document' in agent)) return { body };
  const { document, ...rest } = agent as { document: unknown };
  return { body: { ...body, agent: rest }, agentDocument: agentDocumentFromJson(document) };
}
