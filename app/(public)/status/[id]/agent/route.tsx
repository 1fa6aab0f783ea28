import { pageLocaleOf } from '@/app/components/page-locale';
import { InvalidLinkView } from '@/app/components/invalid-link';
import { staticPage } from '@/app/components/static-page';
import { type AgentRequestStatus, getAgentRequestStatus } from '@/lib/agents/get-agent-request-status';
import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import { AppError } from '@/lib/errors';
import { clientInfo } from '@/lib/http/client-info';
import { REQUEST_TYPE_LABELS } from '@/lib/universal/codes';
import { tokenSchema } from '@/lib/universal/request-schema';
import { STATUS_WORDING } from '../status-wording';

const INVALID_ADVICE =
  'Use the status link from your most recent email about this request, and check that you copied all of it.';

const invalidLink = (incoming: Request, advice: string) =>
  staticPage({
    ...pageLocaleOf(incoming),
    title: 'A request you made as an agent',
    children: <InvalidLinkView advice={advice} />,
  });

/**
 * An authorized agent's status page: where the request stands and when it is due, read-only (no
 * withdraw, no reply, no data package: those belong to the person). Plain HTML, no script, no form.
 */
export async function GET(incoming: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = tokenSchema.safeParse(new URL(incoming.url).searchParams.get('token') ?? undefined);
  if (!token.success) return invalidLink(incoming, INVALID_ADVICE);
  let request: AgentRequestStatus;
  try {
    request = await getAgentRequestStatus({ requestId: id, token: token.data, ip: clientInfo(incoming.headers).ip });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return invalidLink(incoming, INVALID_ADVICE);
    if (error instanceof AppError && error.code === 'RATE_LIMITED') return invalidLink(incoming, error.message);
    throw error;
  }
  const date = (iso: string) => formatPublicDate(new Date(iso), request.timeZone);
  const status = request.notAuthorized
    ? {
        title: 'Closed — not authorized',
        explanation:
          'The person told us they did not ask anyone to make this request, or we could not accept your proof of authority.',
      }
    : request.status === 'unverified'
      ? {
          title: 'Waiting for the person to confirm',
          explanation: 'We have asked the person to confirm that they authorized you. We start once they do.',
        }
      : STATUS_WORDING[request.status];
  return staticPage({
    ...pageLocaleOf(incoming),
    title: 'A request you made as an agent',
    children: (
      <>
        <h1>Privacy request {request.reference}, made by you as an authorized agent</h1>
        <dl className="summary-list">
          <dt>Reference</dt>
          <dd>{request.reference}</dd>
          <dt>Requested</dt>
          <dd>
            <ul className="rights">
              {request.types.map((type) => (
                <li key={type}>{REQUEST_TYPE_LABELS[type]}</li>
              ))}
            </ul>
          </dd>
          <dt>Status</dt>
          <dd>
            <span className="status-badge">{status.title}</span>
            <p className="hint">{status.explanation}</p>
          </dd>
          <dt>Received</dt>
          <dd>{date(request.receivedAt)}</dd>
          {request.closedAt ? (
            <>
              <dt>Closed</dt>
              <dd>{date(request.closedAt)}</dd>
            </>
          ) : (
            <>
              <dt>We will answer by</dt>
              <dd>{date(request.dueAt)}</dd>
            </>
          )}
        </dl>
        <p>
          This page is for following the request only. We write to the person it is about
          {request.copies ? ', and they agreed that you receive a copy of those emails' : ''}. Any personal data we
          disclose goes to the person only, never to an agent.
        </p>
      </>
    ),
  });
}
