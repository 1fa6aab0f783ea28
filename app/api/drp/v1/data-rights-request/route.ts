import { agentForToken } from '@/lib/drp/agents';
import { drpRoute, readSignedBody } from '@/lib/drp/drp-route';
import { submitDrpRequest } from '@/lib/drp/submit-drp-request';

/** Data Rights Exercise (DRP 1.0 §2.01): a signed request, filed as an ordinary request of the portal. */
export async function POST(request: Request) {
  return drpRoute(async () => {
    const agent = await agentForToken(request.headers.get('authorization'));
    return submitDrpRequest({
      agent,
      body: await readSignedBody(request),
      userAgent: request.headers.get('user-agent'),
      acceptLanguage: request.headers.get('accept-language'),
    });
  });
}
