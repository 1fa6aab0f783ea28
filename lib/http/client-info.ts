/**
 * The caller's address and browser as the proxy in front of us reports them: the first
 * X-Forwarded-For hop, else X-Real-IP. Kept as evidence in the audit trail and used for rate limits.
 */
export function clientInfo(headers: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    ip: forwarded || headers.get('x-real-ip')?.trim() || null,
    userAgent: headers.get('user-agent'),
  };
}
