/**
 * The only reader of process.env. Validated once, on first use, with a message naming every bad
 * variable. README.md lists each of these.
 */
import { createHash } from 'node:crypto';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** One trusted Authorized Agent in DRP_AGENTS: its directory id and name, and its Ed25519 verify key. */
const drpAgentEntry = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'agent id: 1-100 letters, digits, "_", "." or "-"'),
  name: z.string().min(1).max(200),
  verifyKey: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'verifyKey: standard base64 of a raw 32-byte Ed25519 public key (44 characters)'),
  /** Status callbacks may reach loopback and private addresses (a test rig or an agent on the same network). */
  allowPrivateNetworks: z.boolean().default(false),
});

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url().optional(),
    APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /**
     * Earlier APP_SECRETs, comma-separated, kept for reading while `npm run keys:rekey` moves email
     * hashes to APP_SECRET (docs/decisions/022). Each is known by its key id, a fingerprint.
     */
    APP_SECRET_PREVIOUS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .superRefine((secrets, ctx) => {
        secrets.forEach((secret, i) => {
          if (secret.length < 32)
            ctx.addIssue({ code: 'custom', message: `entry ${i + 1} must be at least 32 characters` });
        });
      }),
    RESEND_API_KEY: z.string().min(1).optional(),
    /** `dev` keeps every email in the dev mailbox; the default is `resend` when RESEND_API_KEY is set. */
    EMAIL_TRANSPORT: z.enum(['resend', 'dev']).optional(),
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default('Bitstride Privacy <privacy@bitstride.xyz>'),
    COMPANY_NAME: z.string().min(1).default('Bitstride'),
    PRIVACY_CONTACT_EMAIL: z.email().default('legal@bitstride.xyz'),
    PRIVACY_POLICY_URL: z.url().default('https://bitstride.xyz/privacy'),
    /** How long a verification link works (10 days unset); an unconfirmed request is closed when its newest link runs out. */
    VERIFICATION_TTL_DAYS: z.coerce.number().positive().max(30).optional(),
    /** The same in hours, as configurations before VERIFICATION_TTL_DAYS set it; when set, it is the one used. */
    VERIFICATION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .optional(),
    /** How long before a verification link runs out the requester is reminded (0: never). */
    VERIFICATION_REMINDER_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 30)
      .default(48),
    WORKER_IN_PROCESS: bool.default(true),
    /** Connections each process keeps to PostgreSQL (node-postgres' pool; its default is 10). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * How long a transaction may wait for a free connection, and then run, before it is abandoned
     * (Prisma's defaults, 2 s and 5 s, are shorter than a busy pool's queue on a small machine).
     */
    DB_TRANSACTION_MAX_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    DB_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
    EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    REMINDER_OFFSETS_DAYS: z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be whole numbers of days separated by commas, like "7,2"')
      .default('7,2')
      .transform((v) =>
        [...new Set(v.split(',').map((d) => Number(d.trim())))].filter((d) => d > 0).sort((a, b) => b - a),
      ),
    STAFF_NOTIFY_EMAIL: z.email().optional(),
    /** The zone staff read dates in; unset, each request's dates are shown in its jurisdiction's zone (labelled). */
    STAFF_TIME_ZONE: z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as "America/New_York" or "Europe/London"')
      .optional(),
    SEED_ADMIN_EMAIL: z.email().optional(),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 7)
      .default(8),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('Single sign-on'),
    /** Requesters' "Sign in with your Bitstride account": the company's own OpenID Connect provider, apart from staff SSO. */
    REQUESTER_OIDC_ISSUER: z
      .url()
      .refine(
        (url) => url.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url),
        'must be https (plain http only on this machine, for tests)',
      )
      .optional(),
    REQUESTER_OIDC_CLIENT_ID: z.string().min(1).optional(),
    REQUESTER_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    REQUESTER_OIDC_NAME: z.string().min(1).optional(),
    DEADLINE_RULES: z.string().optional(),
    /** Creates the demo Bitstride data set and points the seeded inventory's connectors at it. */
    FULFILMENT_DEMO: bool.optional(),
    /** Where data packages and task attachments are stored: a local folder, or s3://bucket/prefix. */
    STORAGE_ROOT: z.string().min(1).default('.data/storage'),
    /** An S3-compatible service (MinIO, R2, ...); AWS S3 itself when unset. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** Both or neither: without them the AWS SDK's default credential chain applies (AWS_* variables, profile, instance role). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Bucket in the path (http://host/bucket/key) rather than the host name; the default when S3_ENDPOINT is set. */
    S3_FORCE_PATH_STYLE: bool.optional(),
    /** 32 bytes, base64: the AES-256-GCM key of everything stored. Derived from APP_SECRET when unset (a separate key is better: rotating APP_SECRET then leaves stored files readable). */
    STORAGE_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => Buffer.from(v, 'base64').length === 32,
        'must be 32 bytes encoded in base64 (openssl rand -base64 32)',
      )
      .optional(),
    /** Earlier STORAGE_ENCRYPTION_KEYs (base64, comma-separated): objects still under them stay readable until re-keyed. */
    STORAGE_ENCRYPTION_KEYS_PREVIOUS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .superRefine((keys, ctx) => {
        keys.forEach((key, i) => {
          if (Buffer.from(key, 'base64').length !== 32)
            ctx.addIssue({
              code: 'custom',
              message: `entry ${i + 1} must be 32 bytes encoded in base64 (the key it replaced, as it was set)`,
            });
        });
      }),
    /** A data package waits for a reviewer to release it (after redaction) before it is built (docs/decisions/016). */
    PACKAGE_REVIEW_REQUIRED: bool.default(false),
    DOWNLOAD_TTL_DAYS: z.coerce.number().positive().max(90).default(7),
    /** A connector's answer larger than this fails its task. */
    CONNECTOR_MAX_RESPONSE_MB: z.coerce.number().positive().max(1024).default(50),
    CONNECTOR_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
    /** Outbound webhooks (lib/webhooks/): how long a receiver has to answer one delivery. */
    WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(10),
    /** Failed attempts in a row after which an endpoint is disabled and admins are told. */
    WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
    /** Lets webhook endpoints resolve to private, loopback or link-local addresses (SSRF guard off for them). */
    WEBHOOK_PRIVATE_NETWORKS: bool.default(false),
    /** Seconds a person needs at least to fill the request form; faster posts are asked to try again. 0 turns it off. */
    FORM_MIN_FILL_SECONDS: z.coerce.number().min(0).max(120).default(3),
    /** Per-hour limits (rate-limiter-flexible, counted in PostgreSQL); `RATE_LIMITS=false` turns them off. */
    RATE_LIMITS: bool.default(true),
    RATE_LIMIT_SUBMIT_PER_IP: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_SUBMIT_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    RATE_LIMIT_RESEND_PER_IP: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_FAILED_LOOKUPS_PER_IP: z.coerce.number().int().min(1).default(30),
    /** Answers to identity questions an hour, per client address and per request (each answer form posted counts). */
    RATE_LIMIT_IDENTITY_ANSWERS_PER_IP: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_IDENTITY_ANSWERS_PER_REQUEST: z.coerce.number().int().min(1).default(3),
    /** Complaints filed from status pages per client address per hour (lib/complaints/submit-complaint.ts). */
    RATE_LIMIT_COMPLAINTS_PER_IP: z.coerce.number().int().min(1).default(5),
    /** Opt-outs a property may report per API key per hour (POST /api/v1/opt-outs). */
    RATE_LIMIT_OPT_OUTS_PER_KEY: z.coerce.number().int().min(1).default(1000),
    /** Calls a staff-API key may make per hour (every /api/v1/staff/… route, reads and writes alike). */
    RATE_LIMIT_STAFF_API_PER_KEY: z.coerce.number().int().min(1).default(3600),
    /** Failed answers after which identity questions lock for the request and staff are told. */
    IDENTITY_QUESTIONS_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    /** Requests waiting for email confirmation that one address may have at once. */
    MAX_UNVERIFIED_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(3),
    /** Turns on /api/bench/bare, the baseline route of bench/intake.ts. Never in a deployment. */
    BENCH_ROUTES: bool.default(false),
    /** Months after a request closes until its personal data is purged (CCPA §7101 asks for at least 24). */
    RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
    /** Days after a request closes until its verification evidence (IPs, user agents, links) is purged. */
    VERIFICATION_EVIDENCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Days after staff decide on an uploaded identity document until its file is deleted. */
    EVIDENCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Largest identity document a requester may upload (the proxy buffers at most 10 MB of a body). */
    EVIDENCE_MAX_MB: z.coerce.number().positive().max(8).default(5),
    /**
     * Whether Bitstride sells personal information or shares it for cross-context behavioural advertising
     * (CCPA §1798.120). Its privacy policy names vendors, providers and organization members as
     * recipients and no sale or sharing, hence false. Either way an opt-out is accepted and recorded;
     * false, the form and the emails say there is nothing to stop today.
     */
    SELLS_OR_SHARES_PERSONAL_INFORMATION: bool.default(false),
    /** A verified request from the same email for the same type within this many days is flagged as a possible duplicate. */
    DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    /**
     * The proxies whose X-Forwarded-For is believed (scripts/app-server.ts): addresses, CIDR ranges and
     * proxy-addr's names (loopback, linklocal, uniquelocal; `private` is uniquelocal). Empty: none, the
     * client is the connection's peer.
     */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean)
          .map((entry) => (entry === 'private' ? 'uniquelocal' : entry)),
      )
      .superRefine((entries, ctx) => {
        try {
          proxyaddr.compile(entries);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: `must be IP addresses, CIDR ranges or loopback/linklocal/private, separated by commas (${(error as Error).message})`,
          });
        }
      }),
    /** The Data Rights Protocol API under /api/drp (lib/drp); on by default once DRP_BUSINESS_ID is set. */
    DRP_ENABLED: bool.optional(),
    /** This Covered Business's DRP id: every signed message must carry it as `business-id`. */
    DRP_BUSINESS_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1-100 letters, digits, "_", "." or "-"')
      .optional(),
    /** The Authorized Agents to trust, as JSON; admins can add more in the workspace. */
    DRP_AGENTS: z
      .string()
      .default('[]')
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be JSON: [{"id","name","verifyKey"}]' });
          return z.NEVER;
        }
      })
      .pipe(z.array(drpAgentEntry)),
    /** Signed DRP calls an hour per agent (pairing, requests, revocations, status reads). */
    DRP_RATE_LIMIT_PER_AGENT: z.coerce.number().int().min(1).default(1000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Bearer token of GET /api/metrics (Prometheus); unset, the endpoint answers 404. */
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    /**
     * OpenTelemetry's own variables: traces are on when an exporter or an OTLP endpoint is named and the
     * SDK is not disabled (lib/observability/tracing.ts); the SDK reads the rest (OTEL_SERVICE_NAME, …).
     */
    OTEL_SDK_DISABLED: bool.default(false),
    OTEL_TRACES_EXPORTER: z.string().optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required in production' });
    }
    if (env.EMAIL_TRANSPORT === 'resend' && !env.RESEND_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['RESEND_API_KEY'], message: 'is required when EMAIL_TRANSPORT=resend' });
    }
    if (env.NODE_ENV === 'production' && !env.RESEND_API_KEY && env.EMAIL_TRANSPORT !== 'dev') {
      ctx.addIssue({
        code: 'custom',
        path: ['RESEND_API_KEY'],
        message: 'is required in production (or set EMAIL_TRANSPORT=dev to keep every email in the dev mailbox)',
      });
    }
    const secret = env.APP_SECRET ?? DEVELOPMENT_SECRET;
    if (env.APP_SECRET_PREVIOUS.includes(secret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_SECRET_PREVIOUS'],
        message: 'lists the current APP_SECRET: list only the secrets it replaced',
      });
    }
    if (new Set(env.APP_SECRET_PREVIOUS).size !== env.APP_SECRET_PREVIOUS.length) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET_PREVIOUS'], message: 'lists the same secret twice' });
    }
    const storageKeys = env.STORAGE_ENCRYPTION_KEYS_PREVIOUS.map((k) => Buffer.from(k, 'base64').toString('base64'));
    if (
      env.STORAGE_ENCRYPTION_KEY &&
      storageKeys.includes(Buffer.from(env.STORAGE_ENCRYPTION_KEY, 'base64').toString('base64'))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE_ENCRYPTION_KEYS_PREVIOUS'],
        message: 'lists the current STORAGE_ENCRYPTION_KEY: list only the keys it replaced',
      });
    }
    if (new Set(storageKeys).size !== storageKeys.length) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_ENCRYPTION_KEYS_PREVIOUS'], message: 'lists the same key twice' });
    }
    const storage = parseStorageRoot(env.STORAGE_ROOT);
    if ('error' in storage) ctx.addIssue({ code: 'custom', path: ['STORAGE_ROOT'], message: storage.error });
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_ACCESS_KEY_ID'],
        message:
          'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or leave both unset for the AWS default credential chain)',
      });
    }
    if (env.VERIFICATION_TTL_HOURS !== undefined && env.VERIFICATION_TTL_DAYS !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['VERIFICATION_TTL_HOURS'],
        message: 'set VERIFICATION_TTL_DAYS or VERIFICATION_TTL_HOURS, not both',
      });
    }
    if (env.DRP_ENABLED && !env.DRP_BUSINESS_ID) {
      ctx.addIssue({ code: 'custom', path: ['DRP_BUSINESS_ID'], message: 'is required when DRP_ENABLED=true' });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together',
      });
    }
    const requesterOidc = [env.REQUESTER_OIDC_ISSUER, env.REQUESTER_OIDC_CLIENT_ID, env.REQUESTER_OIDC_CLIENT_SECRET];
    if (requesterOidc.some(Boolean) && !requesterOidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['REQUESTER_OIDC_ISSUER'],
        message:
          'requester sign-in needs REQUESTER_OIDC_ISSUER, REQUESTER_OIDC_CLIENT_ID and REQUESTER_OIDC_CLIENT_SECRET together',
      });
    }
  });

const DEVELOPMENT_SECRET = 'development-secret-not-for-production-use-0000';

/**
 * A key's id: the first 8 bytes (16 hex digits) of SHA-256 over a label and the key. Stored beside
 * what the key protects (an email hash's row, an encrypted object's header), it names the key
 * without revealing it, and cannot disagree with the key it names (docs/decisions/022).
 */
export function keyId(key: string | Buffer): string {
  return createHash('sha256').update('bitstride-key-id:').update(key).digest('hex').slice(0, 16);
}

/** The storage key derived from an APP_SECRET, when STORAGE_ENCRYPTION_KEY is unset. */
function storageKeyFromSecret(secret: string): Buffer {
  return createHash('sha256').update(`storage:${secret}`).digest();
}

export type SecretKey = { id: string; secret: string };
export type StorageKey = { id: string; key: Buffer };

export type StorageLocation = { driver: 'local'; folder: string } | { driver: 's3'; bucket: string; prefix: string };

/** STORAGE_ROOT: a folder, or s3://bucket with an optional key prefix (s3://bucket/portal/production). */
export function parseStorageRoot(root: string): StorageLocation | { error: string } {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(root)) return { driver: 'local', folder: root };
  const s3 = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(root);
  if (!s3) return { error: 'must be a folder or s3://bucket/optional/prefix' };
  const [, bucket, rawPrefix = ''] = s3;
  if (!bucket) return { error: 'names no bucket: use s3://bucket or s3://bucket/prefix' };
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    return { error: `"${bucket}" is not a valid bucket name (3-63 lower-case letters, digits, dots and hyphens)` };
  const prefix = rawPrefix.replace(/\/+$/, '');
  // biome-ignore lint/complexity/useOptionalChain: an empty prefix is no prefix, not an empty part.
  if (prefix && prefix.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return { error: `the key prefix "${rawPrefix}" has an empty, "." or ".." part` };
  }
  return { driver: 's3', bucket, prefix };
}

export type Env = z.infer<typeof schema> & {
  APP_URL: string;
  APP_SECRET: string;
  emailTransport: 'resend' | 'dev';
  /** The first admin, created on first start: SEED_ADMIN_EMAIL, or admin@example.com outside production. */
  seedAdminEmail: string | null;
  fulfilmentDemo: boolean;
  storageKey: Buffer;
  /** APP_SECRET then APP_SECRET_PREVIOUS, each with its key id: the first hashes, every one is looked under. */
  appSecrets: SecretKey[];
  /**
   * STORAGE_ENCRYPTION_KEY (or the key derived from APP_SECRET) first, which encrypts; then every key
   * still read: STORAGE_ENCRYPTION_KEYS_PREVIOUS and the keys derived from APP_SECRET_PREVIOUS.
   */
  storageKeys: StorageKey[];
  storage: StorageLocation;
  s3ForcePathStyle: boolean;
  /** The lifetime of a verification link in hours: VERIFICATION_TTL_HOURS if set, else VERIFICATION_TTL_DAYS (default 10) × 24. */
  verificationTtlHours: number;
  /** "Sign in with your Bitstride account" for requesters, when REQUESTER_OIDC_* are set; else null. */
  requesterSignIn: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  /** Whether OpenTelemetry traces are exported: OTEL_TRACES_EXPORTER (not `none`) or an OTLP endpoint, unless OTEL_SDK_DISABLED. */
  tracing: boolean;
  /** The DRP API answers: DRP_ENABLED, or DRP_BUSINESS_ID set without it. */
  drpEnabled: boolean;
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (see README.md, "Configuration"):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const secret = e.APP_SECRET ?? DEVELOPMENT_SECRET;
  const storageKey = e.STORAGE_ENCRYPTION_KEY
    ? Buffer.from(e.STORAGE_ENCRYPTION_KEY, 'base64')
    : storageKeyFromSecret(secret);
  const storageKeys = [
    storageKey,
    ...e.STORAGE_ENCRYPTION_KEYS_PREVIOUS.map((k) => Buffer.from(k, 'base64')),
    // A secret's derived key: what stored objects were encrypted with while STORAGE_ENCRYPTION_KEY was unset.
    ...[secret, ...e.APP_SECRET_PREVIOUS].map(storageKeyFromSecret),
  ];
  cached = {
    ...e,
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    // Outside production a fixed development secret keeps `npm run dev` to one command.
    APP_SECRET: secret,
    emailTransport: e.EMAIL_TRANSPORT ?? (e.RESEND_API_KEY ? 'resend' : 'dev'),
    fulfilmentDemo: e.FULFILMENT_DEMO ?? e.NODE_ENV !== 'production',
    storageKey,
    appSecrets: [secret, ...e.APP_SECRET_PREVIOUS].map((s) => ({ id: keyId(s), secret: s })),
    storageKeys: storageKeys
      .filter((key, i) => storageKeys.findIndex((other) => other.equals(key)) === i)
      .map((key) => ({ id: keyId(key), key })),
    storage: parseStorageRoot(e.STORAGE_ROOT) as StorageLocation,
    s3ForcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
    verificationTtlHours: e.VERIFICATION_TTL_HOURS ?? (e.VERIFICATION_TTL_DAYS ?? 10) * 24,
    requesterSignIn:
      e.REQUESTER_OIDC_ISSUER && e.REQUESTER_OIDC_CLIENT_ID && e.REQUESTER_OIDC_CLIENT_SECRET
        ? {
            issuer: e.REQUESTER_OIDC_ISSUER,
            clientId: e.REQUESTER_OIDC_CLIENT_ID,
            clientSecret: e.REQUESTER_OIDC_CLIENT_SECRET,
            name: e.REQUESTER_OIDC_NAME ?? `your ${e.COMPANY_NAME} account`,
          }
        : null,
    tracing:
      !e.OTEL_SDK_DISABLED &&
      (e.OTEL_TRACES_EXPORTER
        ? e.OTEL_TRACES_EXPORTER.split(',').some((name) => name.trim() !== '' && name.trim() !== 'none')
        : Boolean(e.OTEL_EXPORTER_OTLP_ENDPOINT || e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)),
    drpEnabled: e.DRP_ENABLED ?? Boolean(e.DRP_BUSINESS_ID),
    seedAdminEmail: e.SEED_ADMIN_EMAIL?.toLowerCase() ?? (e.NODE_ENV === 'production' ? null : 'admin@example.com'),
  };
  return cached;
}

/**
 * The hosts the development server serves its scripts to besides localhost (next.config.ts
 * `allowedDevOrigins`): 127.0.0.1 and APP_URL's host. Reads APP_URL alone, so that loading the
 * Next.js configuration never depends on the rest of the configuration being valid.
 */
export function devOrigins(): string[] {
  const appUrl = schema.shape.APP_URL.safeParse(process.env.APP_URL);
  const appHost = appUrl.success && appUrl.data ? new URL(appUrl.data).hostname : null;
  return [...new Set(['localhost', '127.0.0.1', ...(appHost ? [appHost] : [])])];
}

/** For tests that change configuration between cases. */
export function resetEnvCache() {
  cached = undefined;
}
