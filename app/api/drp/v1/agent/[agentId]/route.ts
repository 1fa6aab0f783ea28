import { agentForToken } from '@/lib/drp/agents';
import { forbidden } from '@/lib/drp/drp-error';
import { drpRoute, readSignedBody } from '@/lib/drp/drp-route';
import { pairAgent } from '@/lib/drp/pair-agent';

type Params = { params: Promise<{ agentId: string }> };

/** Pair-wise key setup (DRP 1.0 §2.05): a signed `{agent-id, business-id, issued-at, expires-at}` → `{agent-id, token}`. */
export async function POST(request: Request, { params }: Params) {
  const { agentId } = await params;
  return drpRoute(async () => pairAgent({ agentId, body: await readSignedBody(request) }), { bareForbidden: true });
}

/** Agent information (§2.06): `{}` for the token's own agent, 403 otherwise. */
export async function GET(request: Request, { params }: Params) {
  const { agentId } = await params;
  return drpRoute(async () => {
    const agent = await agentForToken(request.headers.get('authorization'));
    if (agent.id !== agentId) forbidden('This token belongs to another agent.');
    return {};
  });
}
