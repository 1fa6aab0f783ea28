import { agentForToken } from '@/lib/drp/agents';
import { drpRoute, readSignedBody } from '@/lib/drp/drp-route';
import { getDrpRequestStatus } from '@/lib/drp/get-drp-request-status';
import { revokeDrpRequest } from '@/lib/drp/revoke-drp-request';

type Params = { params: Promise<{ requestId: string }> };

/** Data Rights Status (DRP 1.0 §2.02): only for the agent that filed the request. */
export async function GET(request: Request, { params }: Params) {
  const { requestId } = await params;
  return drpRoute(async () => {
    const agent = await agentForToken(request.headers.get('authorization'));
    return getDrpRequestStatus({ agent, drpRequestId: requestId });
  });
}

/** Data Rights Revoke (§2.04): a signed `{reason}`; the answer carries the new `revoked` state. */
export async function DELETE(request: Request, { params }: Params) {
  const { requestId } = await params;
  return drpRoute(async () => {
    const agent = await agentForToken(request.headers.get('authorization'));
    return revokeDrpRequest({ agent, drpRequestId: requestId, body: await readSignedBody(request) });
  });
}
