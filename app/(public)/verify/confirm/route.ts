import { AppError, publicError } from '@/lib/errors';
import { tokenSchema } from '@/lib/universal/request-schema';
import { verifyRequest } from '@/lib/verification/verify-request';
import { fieldText, notAForm, readFormPost, requesterOf, seeOther, withQuery } from '../../form-post';

/** "Confirm my request". Verification happens only here, on POST: mail scanners open links. */
export async function POST(request: Request) {
  const form = await readFormPost(request);
  if (!form) return notAForm(request);
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  if (!token.success) return seeOther(withQuery('/verify', { result: 'invalid' }));
  try {
    const result = await verifyRequest({
      token: token.data,
      agentCopies: form.get('agentCopies') === 'on',
      ...requesterOf(request),
    });
    // An agent with a power of attorney confirmed its own address: its own, read-only page.
    if (result.outcome === 'verified')
      return seeOther(
        `/status/${result.requestId}${result.viewer === 'agent' ? '/agent' : ''}?token=${encodeURIComponent(result.statusToken)}`,
      );
    return seeOther(withQuery('/verify', { token: token.data, result: result.outcome }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      return seeOther(withQuery('/verify', { result: 'invalid' }));
    publicError(error);
    return seeOther(withQuery('/verify', { token: token.data, notice: 'unexpected' }));
  }
}
