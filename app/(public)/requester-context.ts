import { headers } from 'next/headers';

/** Who is asking, as evidence for the audit trail: the first X-Forwarded-For hop, else X-Real-IP. */
export async function requesterContext(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || h.get('x-real-ip')?.trim() || null, userAgent: h.get('user-agent') };
}

/** A query-string value as one string (`?token=a&token=b` keeps the first). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The text of a form field, or '' when it is missing or a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
