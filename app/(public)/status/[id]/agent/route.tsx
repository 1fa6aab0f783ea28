import { type PageLocale, pageLocaleOf, publicDate, requestPageLocale } from '@/app/components/page-locale';
import { InvalidLinkView } from '@/app/components/invalid-link';
import { staticPage } from '@/app/components/static-page';
import { type AgentRequestStatus, getAgentRequestStatus } from '@/lib/agents/get-agent-request-status';
import { AppError } from '@/lib/errors';
import { clientInfo } from '@/lib/http/client-info';
import { translatorFor } from '@/lib/i18n/catalogs';
import { requestTypeLabel } from '@/lib/universal/i18n/code-labels';
import { tokenSchema } from '@/lib/universal/request-schema';
import { statusStateWording } from '../status-wording';

const invalidLink = (page: PageLocale, advice: 'status.invalidAdvice' | 'notice.too-many-attempts') => {
  const t = translatorFor(page.locale);
  return staticPage({
    ...page,
    title: t('agentStatus.title'),
    children: <InvalidLinkView t={t} advice={t(advice)} />,
  });
};

/**
 * An authorized agent's status page: where the request stands and when it is due, read-only (no
 * withdraw, no reply, no data package: those belong to the person). Plain HTML, no script, no form.
 * In the request's language: the agent filed it.
 */
export async function GET(incoming: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = pageLocaleOf(incoming);
  const token = tokenSchema.safeParse(new URL(incoming.url).searchParams.get('token') ?? undefined);
  if (!token.success) return invalidLink(page, 'status.invalidAdvice');
  let request: AgentRequestStatus;
  try {
    request = await getAgentRequestStatus({ requestId: id, token: token.data, ip: clientInfo(incoming.headers).ip });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return invalidLink(page, 'status.invalidAdvice');
    if (error instanceof AppError && error.code === 'RATE_LIMITED')
      return invalidLink(page, 'notice.too-many-attempts');
    throw error;
  }
  const locale = requestPageLocale(page, request.locale);
  const t = translatorFor(locale);
  const date = (iso: string) => publicDate(t, iso, request.timeZone);
  const status = request.notAuthorized
    ? { title: t('agentStatus.notAuthorized.title'), explanation: t('agentStatus.notAuthorized.explanation') }
    : request.status === 'unverified'
      ? { title: t('agentStatus.waiting.title'), explanation: t('agentStatus.waiting.explanation') }
      : statusStateWording(t, request.status);
  return staticPage({
    locale,
    path: page.path,
    title: t('agentStatus.title'),
    children: (
      <>
        <h1>{t('agentStatus.heading', { reference: request.reference })}</h1>
        <dl className="summary-list">
          <dt>{t('status.reference')}</dt>
          <dd>{request.reference}</dd>
          <dt>{t('agentStatus.requested')}</dt>
          <dd>
            <ul className="rights">
              {request.types.map((type) => (
                <li key={type}>{requestTypeLabel(t, type)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('status.status')}</dt>
          <dd>
            <span className="status-badge">{status.title}</span>
            <p className="hint">{status.explanation}</p>
          </dd>
          <dt>{t('status.received')}</dt>
          <dd>{date(request.receivedAt)}</dd>
          {request.closedAt ? (
            <>
              <dt>{t('status.closed')}</dt>
              <dd>{date(request.closedAt)}</dd>
            </>
          ) : (
            <>
              <dt>{t('status.answerBy')}</dt>
              <dd>{date(request.dueAt)}</dd>
            </>
          )}
        </dl>
        <p>{t(request.copies ? 'agentStatus.followOnlyCopies' : 'agentStatus.followOnly')}</p>
      </>
    ),
  });
}
