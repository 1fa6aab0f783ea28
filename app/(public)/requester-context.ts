import { headers } from 'next/headers';

/** Who is asking, as evidence for the audit trail: the first X-Forwarded-For hop, else X-Real-IP. */
export async function requesterContext(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || h.get('x-real-ip')?.trim() || null, userAgent: h.get('user-agent') };
}
