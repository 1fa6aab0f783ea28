/**
 * The data inventory a fresh install starts with, read from Bitstride's privacy policy: which
 * systems hold which categories, why, on what basis, who receives them, how long they are kept and
 * where they come from. Admins edit it in the workspace; the seed runs only on an empty inventory.
 * Every seeded retention period is unconfirmed (retentionConfirmedAt null) until an admin confirms it:
 * the policy states no periods, so the package gives its criteria until then.
 */
import type { Tx } from '../db';
import type { Db } from '../db';
import { sealConnectionUrl } from './connection-url';
import { sealConnectorSecret } from './connector-secret';
import type { Statements } from './schemas';
import type { TaskType } from './task-types';

type SeedCategory = {
  name: string;
  purposes: string[];
  legalBasis: string;
  recipients: string[];
  retention: string;
  source: string;
};
type SeedSystem = {
  key: string;
  name: string;
  description: string;
  kind: 'manual' | 'postgres' | 'webhook';
  taskTypes: TaskType[];
  checklist: string[];
  statements?: Statements;
  categories: SeedCategory[];
  /** Demo connectors point at the demo data set; without it they start as manual systems. */
  demo?: 'postgres' | 'webhook';
};

const HOSTING = 'Infrastructure and hosting providers';
/**
 * Categories the privacy policy names without a period: the seed states the policy's criteria, and
 * like every seeded value it stays unconfirmed until an admin confirms it.
 */
const POLICY_CRITERIA = 'As long as needed for the purposes above (the criteria of our privacy policy)';

/**
 * Added after the first release (the policy names them, the first seed lacked them): written by
 * the seed on a fresh install, and by migration 20261202160400 into an existing inventory.
 */
const REQUEST_RECORD_CATEGORIES: SeedCategory[] = [
  {
    name: 'Privacy request records',
    purposes: ['Handle your privacy requests and show that we answered them as the law requires'],
    legalBasis: 'Legal obligation (Art. 6(1)(c) GDPR; CCPA regulations §7101)',
    recipients: [HOSTING],
    retention: 'At least 24 months after the request closes, then anonymised (CCPA regulations §7101(a))',
    source: 'You, when you make a request; our staff, when they handle it',
  },
];
const MATCH = 'lower(email) = lower($1)';

export const INVENTORY_SEED: SeedSystem[] = [
  {
    key: 'accounts',
    name: 'Account database',
    description: 'Bitstride accounts, organizations, authentication settings and API keys.',
    kind: 'postgres',
    demo: 'postgres',
    // Account credentials are sensitive personal information (Cal. Civ. Code §1798.140(ae)(1)(B)): limit_use.
    taskTypes: ['collect', 'erase', 'correct', 'restrict', 'suppress', 'stop_processing', 'stop_sale', 'limit_use'],
    checklist: [
      'Find the account by email',
      'Apply the change in the admin console',
      'Note what was done in the result',
    ],
    statements: {
      collect: [
        {
          name: 'account',
          sql: `SELECT email, name, organization, auth_provider, marketing_opt_in, processing_restricted, card_last4, created_at FROM accounts WHERE ${MATCH}`,
        },
        {
          name: 'api_keys',
          sql: 'SELECT key_prefix, label, created_at, last_used_at FROM api_keys WHERE lower(account_email) = lower($1) ORDER BY created_at',
        },
      ],
      erase: [
        { name: 'api_keys', sql: 'DELETE FROM api_keys WHERE lower(account_email) = lower($1)' },
        { name: 'account', sql: `DELETE FROM accounts WHERE ${MATCH}` },
      ],
      restrict: [{ name: 'account', sql: `UPDATE accounts SET processing_restricted = true WHERE ${MATCH}` }],
      suppress: [{ name: 'account', sql: `UPDATE accounts SET marketing_opt_in = false WHERE ${MATCH}` }],
      // The identity questions this system can answer: each column is named after its question.
      verify: [
        {
          name: 'account',
          sql: `SELECT organization, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS account_created_month, card_last4 FROM accounts WHERE ${MATCH}`,
        },
        {
          name: 'api_keys',
          sql: 'SELECT key_prefix AS api_key_prefix FROM api_keys WHERE lower(account_email) = lower($1)',
        },
      ],
    },
    categories: [
      {
        name: 'Account information',
        purposes: ['Provide and secure the Bitstride platform', 'Authenticate users and issue API keys'],
        legalBasis: 'Performance of a contract (Art. 6(1)(b) GDPR)',
        recipients: [HOSTING, 'Identity providers you sign in with', 'Administrators of your organization account'],
        retention: 'While the account is open, then 30 days',
        source: 'You, when you create and manage your account; your identity provider when you sign in with it',
      },
      {
        name: 'API keys and authentication settings',
        purposes: ['Authenticate API calls, enforce quotas and prevent abuse'],
        legalBasis: 'Performance of a contract (Art. 6(1)(b) GDPR); legitimate interest in security (Art. 6(1)(f))',
        recipients: [HOSTING, 'Administrators of your organization account'],
        retention: 'Until the key is revoked or the account is closed',
        source: 'You, when you create keys; generated by the platform',
      },
    ],
  },
  {
    key: 'usage',
    name: 'Usage metering',
    description: 'API requests, token counts, job status, quota consumption and latency per account.',
    kind: 'postgres',
    demo: 'postgres',
    taskTypes: ['collect', 'erase'],
    checklist: ['Export or delete the usage rows for the account'],
    statements: {
      collect: [
        {
          name: 'usage_events',
          sql: 'SELECT occurred_at, endpoint, tokens, latency_ms, status FROM usage_events WHERE lower(account_email) = lower($1) ORDER BY occurred_at',
        },
      ],
      erase: [{ name: 'usage_events', sql: 'DELETE FROM usage_events WHERE lower(account_email) = lower($1)' }],
    },
    categories: [
      {
        name: 'Usage data',
        purposes: ['Meter usage and process billing', 'Enforce quotas', 'Analyze reliability and performance'],
        legalBasis:
          'Performance of a contract (Art. 6(1)(b) GDPR); legitimate interest in improving the service (Art. 6(1)(f))',
        recipients: [HOSTING, 'Observability providers', 'Administrators of your organization account'],
        retention: '13 months, then aggregated without identifiers',
        source: 'Collected automatically when you use the APIs and services',
      },
    ],
  },
  {
    key: 'support',
    name: 'Support desk',
    description: 'Support tickets, feedback and other messages you sent us (external help-desk system).',
    kind: 'webhook',
    demo: 'webhook',
    taskTypes: ['collect', 'erase', 'correct'],
    checklist: ['Search the help desk for the email', 'Export or delete the tickets'],
    categories: [
      {
        name: 'Support and communication content',
        purposes: ['Answer support requests', 'Communicate about the service'],
        legalBasis: 'Performance of a contract (Art. 6(1)(b) GDPR); legitimate interest (Art. 6(1)(f))',
        recipients: ['Communication and help-desk providers'],
        retention: '3 years after the ticket is closed',
        source: 'You, when you contact us',
      },
      {
        name: 'Survey responses',
        purposes: ['Understand feedback and improve the service'],
        legalBasis: 'Consent (Art. 6(1)(a) GDPR) or legitimate interest in improving the service (Art. 6(1)(f))',
        recipients: ['Communication and help-desk providers'],
        retention: POLICY_CRITERIA,
        source: 'You, when you answer a survey',
      },
    ],
  },
  {
    key: 'billing',
    name: 'Billing and payments',
    description: 'Plans, invoices, business contacts and payment references held with the payment provider.',
    kind: 'manual',
    taskTypes: ['collect', 'erase', 'correct', 'restrict'],
    checklist: [
      'Look the customer up in the payment provider',
      'Export invoices and billing contacts, or delete what is not under legal retention',
      'Record what was kept and why',
    ],
    categories: [
      {
        name: 'Billing, plan and business contact information',
        purposes: ['Process billing and payments', 'Comply with tax and accounting law'],
        legalBasis: 'Performance of a contract (Art. 6(1)(b) GDPR); legal obligation (Art. 6(1)(c))',
        recipients: ['Payment providers', 'Tax advisers and authorities when required by law'],
        retention: 'Invoices 10 years (tax and accounting law); other billing data while the account is open',
        source: 'You, when you buy a paid plan; the payment provider',
      },
    ],
  },
  {
    key: 'logs',
    name: 'Logs and security monitoring',
    description: 'Request logs, device data and security signals.',
    kind: 'manual',
    taskTypes: ['collect', 'erase', 'restrict'],
    checklist: [
      'Query the log store for the account and IP addresses',
      'Export or delete matching entries older than the security hold',
    ],
    categories: [
      {
        name: 'Log and device data',
        purposes: ['Secure, monitor and debug the platform', 'Detect and prevent abuse'],
        legalBasis: 'Legitimate interest in security and integrity (Art. 6(1)(f) GDPR)',
        recipients: [HOSTING, 'Observability providers'],
        retention: '90 days; security incidents until resolved',
        source: 'Collected automatically from your browser, device and API clients',
      },
    ],
  },
  {
    key: 'analytics',
    name: 'Website analytics',
    description: 'Cookie, analytics and performance data (Vercel Analytics and Speed Insights).',
    kind: 'manual',
    taskTypes: ['collect', 'erase', 'suppress', 'stop_processing', 'stop_sale'],
    checklist: ['Check whether analytics hold identifiable data for the person', 'Record the outcome'],
    categories: [
      {
        name: 'Cookie, analytics and performance data',
        purposes: ['Analyze adoption and performance to improve the developer experience'],
        legalBasis: 'Consent where required (Art. 6(1)(a) GDPR); legitimate interest (Art. 6(1)(f))',
        recipients: ['Analytics providers (Vercel)'],
        retention: 'Up to 12 months, aggregated',
        source: 'Collected automatically from our websites and applications',
      },
    ],
  },
  {
    key: 'customer-content',
    name: 'Customer content and artifacts',
    description: 'Prompts, inputs, outputs, datasets, model artifacts, job configuration and deployment metadata.',
    kind: 'manual',
    taskTypes: ['collect', 'erase', 'restrict'],
    checklist: [
      'List the projects, datasets and artifacts of the account',
      'Export or delete them',
      'Confirm deletion in object storage',
    ],
    categories: [
      {
        name: 'Customer content',
        purposes: [
          'Run requested inference, training and deployment workflows',
          'Store artifacts and maintain operational records',
        ],
        legalBasis: 'Performance of a contract (Art. 6(1)(b) GDPR)',
        recipients: [
          HOSTING,
          'Model, storage and infrastructure services you connect',
          'Members of your organization account',
        ],
        retention: 'Until you delete it or close the account',
        source: 'You and the members of your organization',
      },
      {
        name: 'Data received from connected services',
        purposes: [
          'Operate the integrations you set up (sign-in, infrastructure, model, storage, payment, observability)',
        ],
        legalBasis: 'Performance of a contract (Art. 6(1)(b) GDPR)',
        recipients: [HOSTING, 'The connected service itself, under its own privacy policy'],
        retention: POLICY_CRITERIA,
        source: 'The identity providers and third-party services you connect',
      },
    ],
  },
  {
    key: 'communications',
    name: 'Product and marketing email',
    description: 'The mailing list for product updates and announcements.',
    kind: 'manual',
    taskTypes: ['collect', 'erase', 'suppress'],
    checklist: ['Add the address to the suppression list of the email provider', 'Remove it from every audience'],
    categories: [
      {
        name: 'Communication preferences',
        purposes: ['Send product updates, security notices and administrative messages'],
        legalBasis: 'Consent for marketing (Art. 6(1)(a) GDPR); legitimate interest for service notices (Art. 6(1)(f))',
        recipients: ['Communication providers'],
        retention: 'Until you unsubscribe; the suppression entry is kept so we never email you again',
        source: 'You, when you subscribe or create an account',
      },
    ],
  },
  {
    // The portal's own records of each request; no tasks: the request itself is the record.
    key: 'privacy-requests',
    name: 'Privacy request portal',
    description: 'Records of the privacy requests you make through this portal and our responses.',
    kind: 'manual',
    taskTypes: [],
    checklist: [],
    categories: REQUEST_RECORD_CATEGORIES,
  },
];

export type DemoConnectors = { postgresUrl: string | null; webhookUrl: string | null; webhookSecret: string };

/** Writes the seed when the inventory is empty (a fresh install); never touches an edited inventory. */
export async function seedInventory(client: Db | Tx, demo: DemoConnectors): Promise<boolean> {
  if ((await client.dataSystem.count()) > 0) return false;
  for (const system of INVENTORY_SEED) {
    const connector =
      system.demo === 'postgres' && demo.postgresUrl
        ? { kind: 'postgres' as const, connectionUrl: sealConnectionUrl(demo.postgresUrl) }
        : system.demo === 'webhook' && demo.webhookUrl
          ? {
              kind: 'webhook' as const,
              webhookUrl: demo.webhookUrl,
              webhookSecret: sealConnectorSecret(demo.webhookSecret),
              allowPrivateNetwork: true,
            }
          : { kind: 'manual' as const };
    await client.dataSystem.create({
      data: {
        key: system.key,
        name: system.name,
        description: system.description,
        taskTypes: system.taskTypes,
        checklist: system.checklist,
        statements: system.statements ?? {},
        ...connector,
        categories: { create: system.categories.map((c, position) => ({ ...c, position })) },
      },
    });
  }
  return true;
}
