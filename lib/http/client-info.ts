/**
 * The caller's address and browser. Kept as evidence in the audit trail and used for rate limits.
 * X-Forwarded-For holds the one address scripts/app-server.ts resolved from the connection and
 * TRUSTED_PROXIES (lib/http/client-address.ts), whatever the client sent. Were a hop ever appended
 * behind that server, the last entry, the nearest, is the one least open to a client's choice.
 */
export function clientInfo(headers: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return {
    ip: forwarded || null,
    userAgent: headers.get('user-agent'),
  };
}
