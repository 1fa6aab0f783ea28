import { Readable } from 'node:stream';
import { openAgentDocument } from '@/lib/agents/open-agent-document';
import { currentStaff } from '@/lib/auth/current-staff';
import { clientInfo } from '@/lib/http/client-info';
import { jsonRoute } from '@/lib/http/json-route';

/**
 * GET /api/admin/requests/{id}/agent-document: an authorized agent's proof, for staff allowed to see
 * it (audited on every view). Always a download, never shown inline, and never sniffed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = await params;
    const document = await openAgentDocument({
      staff: await currentStaff(),
      requestId: id,
      ...clientInfo(request.headers),
    });
    const extension = document.type === 'application/pdf' ? 'pdf' : document.type === 'image/png' ? 'png' : 'jpg';
    return new Response(Readable.toWeb(document.stream) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': document.type,
        'Content-Disposition': `attachment; filename="agent-proof-${id}.${extension}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  });
}
