import { NextResponse } from 'next/server';
import { devMailboxEnabled, listDevMailbox } from '@/lib/email/dev-mailbox';

export const dynamic = 'force-dynamic';

/** GET /api/dev/mailbox: what the dev transport delivered, newest first. 404 when a real provider is configured. */
export async function GET() {
  if (!devMailboxEnabled())
    return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, { status: 404 });
  const messages = await listDevMailbox();
  return NextResponse.json(
    messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    {
      headers: { 'Cache-Control': 'no-store' },
    },
  );
}
