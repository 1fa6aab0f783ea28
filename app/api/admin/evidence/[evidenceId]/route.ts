import { Readable } from 'node:stream';
import { currentStaff } from '@/lib/auth/current-staff';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute } from '@/lib/http/json-route';
import { openEvidence } from '@/lib/verification/evidence/open-evidence';

/**
 * GET /api/admin/evidence/{id}: a reviewer opens an identity document a requester uploaded. Audited
 * on every opening; always a download (never shown inline, so a crafted file cannot run as a page of
 * ours), never cached by the browser or anything in between.
 */
export async function GET(request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  return jsonRoute(async () => {
    const { evidenceId } = await params;
    const file = await openEvidence({ staff: await currentStaff(), evidenceId, ...clientInfo(request.headers) });
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.size),
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store, private',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
