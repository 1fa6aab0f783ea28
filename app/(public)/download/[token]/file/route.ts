import { Readable } from 'node:stream';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { clientInfo } from '@/lib/http/client-info';
import { openDownload } from '@/lib/fulfilment/package/download-package';
import { logger } from '@/lib/logger';
import { tokenSchema } from '@/lib/universal/request-schema';

/** The download itself: POST only (a link prefetch never uses the one-time grant); audited; streamed. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const { stream, fileName, size } = await openDownload({ token, ...clientInfo(request.headers) });
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${fileName}"`,
        'content-length': String(size),
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof AppError)) logger.error({ err: error }, 'download failed');
    // Back to the link's page, which explains what happened and how to ask again. Something that is
    // not a token at all (".." say) would not lead back to that page, so it goes to the generic one.
    const page = tokenSchema.safeParse(token).success ? token : 'invalid';
    return Response.redirect(`${env().APP_URL}/download/${page}`, 303);
  }
}
