/**
 * The `NewRequest` schema of the OpenAPI document: generated from the zod schema the API parses with,
 * then given the rules zod's generator cannot carry over (its refinements) but JSON Schema can say.
 * What JSON Schema cannot say is in the descriptions. The contract test (tests/integration/
 * openapi-contract.test.ts) sends bodies on both sides of each rule and fails if server and document
 * disagree.
 */
import { z } from 'zod';
import { AGENT_DOCUMENT_MAX_BYTES } from '../agents/agent-document';
import { REGIONAL_REQUEST_TYPES, regimesOffering } from '../universal/regional-rights';
import { apiRequestSchema } from '../universal/request-schema';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };

/** The address check the server runs (zod's `z.email()`), stricter than `format: email` alone. */
const emailRule = (description?: string): Schema => ({
  format: 'email',
  pattern: z.regexes.email.source,
  ...(description ? { description } : {}),
});

/**
 * The agent's proof travels beside the shared schema's fields (the browser's form posts it as a
 * file): the API reads and checks it on its own (lib/agents/agent-document.ts), and says so here.
 */
const agentDocument: Schema = {
  type: 'object',
  required: ['content'],
  description: `Required with \`agent\`: the signed permission or power of attorney (CCPA regs §7063), a PDF, PNG or JPEG of at most ${AGENT_DOCUMENT_MAX_BYTES / 1024 / 1024} MB, checked by its content (not by its name). Without it, or with a file of another kind, the request is refused with 422 (\`error.fields["agent.document"]\`). Only with it may the body exceed 64 KB (up to 8 MB).`,
  properties: {
    filename: {
      type: 'string',
      examples: ['signed-permission.pdf'],
      description:
        'Kept for staff to recognise the file: characters other than letters, digits, spaces and `._()-` become `_`, and it is cut to 200 characters.',
    },
    content: {
      type: 'string',
      minLength: 1,
      pattern: '^[A-Za-z0-9+/]*={0,2}$',
      contentEncoding: 'base64',
      description: 'The file, in standard base64.',
    },
  },
};

/** JSON Schema's conditional (`then` is its keyword, not a promise's). */
const ifThen = (condition: Schema, consequence: Schema): Schema =>
  Object.fromEntries([
    ['if', condition],
    ['then', consequence],
  ]);

/** Only where the regime's law gives the right: if the jurisdiction is elsewhere, then not that type. */
const regionalRules = REGIONAL_REQUEST_TYPES.map((type) =>
  ifThen(
    { required: ['jurisdiction'], properties: { jurisdiction: { not: { enum: regimesOffering(type) } } } },
    { properties: { types: { not: { contains: { const: type } } } } },
  ),
);

const withRule = (schema: Schema | undefined, rule: Schema): Schema => {
  const { pattern, ...rest } = schema ?? {};
  // A pattern already there stays, beside the new one (a schema has one `pattern`; `allOf` holds more).
  return pattern && rule.pattern ? { ...rest, ...rule, allOf: [{ pattern }] } : { ...rest, ...rule };
};

export function newRequestJsonSchema(): Schema {
  const { $schema: _, ...generated } = z.toJSONSchema(apiRequestSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Schema;
  const properties = generated.properties ?? {};
  const agent = properties.agent ?? {};
  const agentProperties = agent.properties ?? {};
  return {
    ...generated,
    examples: [
      { email: 'ada@example.com', types: ['access', 'export'], jurisdiction: 'UK', confirm: true },
      {
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        types: ['correction'],
        details: 'My surname is misspelt: it is Lovelace.',
        jurisdiction: 'US-CA',
        confirm: true,
      },
      { email: 'ada@example.com', types: ['opt_out_sale', 'limit_sensitive'], jurisdiction: 'US-CA', confirm: true },
    ],
    description:
      'Surrounding whitespace is trimmed before a text field is checked, and email addresses are compared and stored in lower case. An optional field is left out when it has no value: sent empty or blank, it is refused with 422.',
    properties: {
      ...properties,
      email: withRule(properties.email, emailRule('The data subject’s address: the verification link goes here.')),
      accountEmail: withRule(
        properties.accountEmail,
        emailRule(
          'Another address the data subject uses for their account. A claim until proven from the status page (a link goes to it): nothing is acted on under it before.',
        ),
      ),
      types: {
        ...properties.types,
        uniqueItems: true,
        description: 'Each type at most once.',
      },
      details: {
        ...properties.details,
        description: 'What is wrong and what it should be, for a correction (required with `correction`).',
      },
      locale: {
        ...properties.locale,
        description:
          'The language the data subject reads: every email about the request and its status page use it. Left out (or not one of these), the request takes the client’s `Accept-Language` header, negotiated as for a page, and English without one. The 422 field messages come in the same language.',
      },
      agent: {
        ...agent,
        description: 'Only when an authorized agent files for the data subject.',
        properties: {
          ...agentProperties,
          name: { ...agentProperties.name, allOf: [{ pattern: '\\S' }] },
          email: withRule(
            agentProperties.email,
            emailRule(
              'The agent’s own address. It must differ from `email` (compared in lower case): the same address is refused with 422 on `agent.email`.',
            ),
          ),
          document: agentDocument,
        },
        required: [...(agent.required ?? []), 'document'],
      },
    },
    allOf: [
      ifThen(
        { required: ['types'], properties: { types: { contains: { const: 'correction' } } } },
        { required: ['details'] },
      ),
      ...regionalRules,
    ],
  };
}
