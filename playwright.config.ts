import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3107);
/** The e2e server's embedded PostgreSQL (tests/e2e/db.ts reads the same variable). */
const PG_PORT = process.env.E2E_PG_PORT ?? '54351';
export const baseURL = `http://127.0.0.1:${PORT}`;
/** Everything the e2e server logs. */
export const E2E_LOG_FILE = `.data/e2e-${PG_PORT}/server.log`;
/**
 * The staff single sign-on: a real OpenID Connect provider that tests/e2e/staff-sso.spec.ts starts
 * on this port (the server discovers it at each sign-in, so it need not run before the server).
 */
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 10_000);
export const OIDC_CLIENT = { id: 'privacy-portal-e2e', secret: 'e2e-oidc-client-secret', name: 'Test company account' };
/**
 * The requesters' "Sign in with your Bitstride account": another provider, apart from staff SSO,
 * that tests/e2e/requester-sign-in.spec.ts starts on this port.
 */
export const REQUESTER_OIDC_PORT = Number(process.env.E2E_REQUESTER_OIDC_PORT ?? PORT + 11_000);
export const REQUESTER_OIDC_CLIENT = {
  id: 'privacy-portal-requesters-e2e',
  secret: 'e2e-requester-oidc-client-secret',
  name: 'your Bitstride account',
};

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser if one is installed. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // The production build on a fresh embedded PostgreSQL, with the in-process worker and the dev mailbox.
    command: 'node_modules/.bin/tsx scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      EMBEDDED_PG_DIR: `.data/e2e-${PG_PORT}/postgres`,
      EMBEDDED_PG_PORT: PG_PORT,
      NODE_ENV: 'production',
      APP_URL: baseURL,
      APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      EMAIL_TRANSPORT: 'dev',
      SEED_ADMIN_EMAIL: 'admin@example.com',
      // The demo data set and connectors (tests/e2e/fulfilment.spec.ts); storage in the e2e data folder.
      FULFILMENT_DEMO: 'true',
      STORAGE_ROOT: `.data/e2e-${PG_PORT}/storage`,
      // Packages wait for a reviewer's release (tests/e2e/package-redaction.spec.ts, fulfilment.spec.ts).
      PACKAGE_REVIEW_REQUIRED: 'true',
      // Everything down to debug, copied to a file: tests/e2e/log-redaction.spec.ts reads it.
      LOG_LEVEL: 'debug',
      // Tests fill the form faster than people; lib/abuse/form-guard.test.ts proves the minimum.
      FORM_MIN_FILL_SECONDS: '0',
      // All the tests' traffic comes from 127.0.0.1, thousands of posts with the fuzz tests: the
      // per-address limits (proven in tests/integration/rate-limits.test.ts) count but never stop them.
      RATE_LIMIT_SUBMIT_PER_IP: '1000000',
      RATE_LIMIT_RESEND_PER_IP: '1000000',
      RATE_LIMIT_FAILED_LOOKUPS_PER_IP: '1000000',
      RATE_LIMIT_COMPLAINTS_PER_IP: '1000000',
      APP_LOG_FILE: E2E_LOG_FILE,
      OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_NAME: OIDC_CLIENT.name,
      REQUESTER_OIDC_ISSUER: `http://127.0.0.1:${REQUESTER_OIDC_PORT}`,
      REQUESTER_OIDC_CLIENT_ID: REQUESTER_OIDC_CLIENT.id,
      REQUESTER_OIDC_CLIENT_SECRET: REQUESTER_OIDC_CLIENT.secret,
      REQUESTER_OIDC_NAME: REQUESTER_OIDC_CLIENT.name,
    },
  },
});
