/** The caller's address and browser as the proxy in front of us reports them (first hop). */
export function clientInfo(headers: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    ip: forwarded || headers.get('x-real-ip') || null,
    userAgent: headers.get('user-agent'),
  };
}
