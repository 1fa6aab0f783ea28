import { refuseAgentRequest } from '@/lib/requests/refuse-agent-request';
import { AppError, publicError } from '@/lib/errors';
import { tokenSchema } from '@/lib/universal/request-schema';
import { fieldText, notAForm, readFormPost, requesterOf, seeOther, withQuery } from '../../form-post';

/** "I did not ask anyone to do this": the person an agent filed for refuses it (POST only, like confirm). */
export async function POST(request: Request) {
  const form = await readFormPost(request);
  if (!form) return notAForm(request);
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  if (!token.success) return seeOther(withQuery('/verify', { result: 'invalid' }));
  try {
    const result = await refuseAgentRequest({ token: token.data, ...requesterOf(request) });
    if (result.outcome === 'refused') return seeOther(withQuery('/verify', { token: token.data, result: 'refused' }));
    if (result.outcome === 'not-an-agent-request') return seeOther(withQuery('/verify', { token: token.data }));
    return seeOther(withQuery('/verify', { token: token.data, result: result.outcome }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      return seeOther(withQuery('/verify', { result: 'invalid' }));
    publicError(error);
    return seeOther(withQuery('/verify', { token: token.data, notice: 'unexpected' }));
  }
}
