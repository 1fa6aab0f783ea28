import { pageLocaleOf } from '@/app/components/page-locale';
import { env } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/catalogs';
import { uploadEvidence } from '@/lib/verification/evidence/upload-evidence';
import { fieldText, noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** Room for the form's other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * "Send a document": a multipart form from the status page (no script needed). A body far past the
 * size limit is refused before it is read; the file's type is read from its bytes by uploadEvidence.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > env().EVIDENCE_MAX_MB * 1024 * 1024 + FORM_OVERHEAD_BYTES) {
    const t = translatorFor(pageLocaleOf(request).locale);
    return new Response(t('proof.evidence.bodyTooLarge', { maxMb: env().EVIDENCE_MAX_MB }), {
      status: 413,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-language': t.locale,
        'cache-control': 'no-store',
      },
    });
  }
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  const file = post.form.get('file');
  const kind = fieldText(post.form, 'kind') === 'declaration' ? 'declaration' : 'document';
  try {
    await uploadEvidence({
      requestId: post.requestId,
      statusToken: post.token,
      kind,
      bytes: file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
      ...requesterOf(request),
    });
  } catch (error) {
    return post.back({
      form: 'evidence',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        INVALID_INPUT: 'evidence-empty',
        PAYLOAD_TOO_LARGE: 'evidence-too-large',
        UNSUPPORTED_MEDIA_TYPE: 'evidence-wrong-type',
        CONFLICT: 'evidence-not-now',
        RATE_LIMITED: 'too-many-attempts',
      }),
    });
  }
  return post.back({ form: 'evidence', notice: 'evidence-sent' });
}
