import { AppError, publicError } from '@/lib/errors';
import { tokenSchema } from '@/lib/universal/request-schema';
import { confirmAccountEmail } from '@/lib/verification/confirm-account-email';
import { fieldText, notAForm, readFormPost, requesterOf, seeOther, withQuery } from '../../../form-post';

const PAGE = '/verify/account-email';

/** "Confirm this address". The account email is proven only here, on POST: mail scanners open links. */
export async function POST(request: Request) {
  const form = await readFormPost(request);
  if (!form) return notAForm(request);
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  if (!token.success) return seeOther(withQuery(PAGE, { result: 'invalid' }));
  try {
    const { outcome } = await confirmAccountEmail({ token: token.data, ...requesterOf(request) });
    return seeOther(withQuery(PAGE, { result: outcome }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      return seeOther(withQuery(PAGE, { result: 'invalid' }));
    publicError(error);
    return seeOther(withQuery(PAGE, { token: token.data, notice: 'unexpected' }));
  }
}
