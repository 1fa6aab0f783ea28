import { AppError } from '@/lib/errors';
import { declarationSchema } from '@/lib/verification/schemas';
import { signDeclaration } from '@/lib/verification/sign-declaration';
import { noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** "Sign the declaration" (11 CCR §7062(c)): the typed name is compared with the request's, then dropped. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  const input = declarationSchema.safeParse(Object.fromEntries(post.form));
  if (!input.success) return post.back({ form: 'declaration', notice: 'declaration-name' });
  try {
    await signDeclaration({
      requestId: post.requestId,
      statusToken: post.token,
      ...input.data,
      ...requesterOf(request),
    });
    return post.back({ form: 'declaration', notice: 'declaration-signed' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT')
      return post.back({
        form: 'declaration',
        notice: error.details?.fields?.declared ? 'declaration-tick' : 'declaration-name',
      });
    return post.back({
      form: 'declaration',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        RATE_LIMITED: 'identity-rate-limited',
        CONFLICT: 'declaration-not-needed',
      }),
    });
  }
}
