import { InvalidLinkView } from '@/app/components/invalid-link';
import { staticPage } from '@/app/components/static-page';
import { env } from '@/lib/env';
import { AppError, publicError } from '@/lib/errors';
import { clientInfo } from '@/lib/http/client-info';
import { packageState } from '@/lib/fulfilment/package/download-package';
import { withheldPhrase } from '@/lib/fulfilment/redaction/reasons';
import { sayIn } from '@/lib/i18n/say-phrases';
import { say } from '@/lib/universal/i18n/phrase';
import { getRequestStatus, type PublicRequestStatus } from '@/lib/requests/get-request-status';
import { tokenSchema } from '@/lib/universal/request-schema';
import { NOTICES, noticeMessage, readNotice } from '../../notices';
import { statusWording } from './status-wording';

import { Timeline } from './timeline';
import { PackageSection } from './package-section';
import { AccountEmailForm } from './account-email-form';
import { AccountSignInForm } from './account-sign-in-form';
import { IdentitySection } from './identity-section';
import { IdentityQuestionsForm } from './identity-questions-form';
import { DeclarationForm } from './declaration-form';
import { EvidenceForm } from './evidence-form';
import { evidenceForRequester } from '@/lib/verification/evidence/list-evidence';
import { AppealForm } from './appeal-form';
import { ReplyForm } from './reply-form';
import { WithdrawForm } from './withdraw-form';
import { ComplaintForm } from './complaint-form';
import { RecipientsSection } from './recipients-section';
import { complaintsForRequester } from '@/lib/complaints/complaints-for-requester';
import { complaintRule } from '@/lib/complaints/complaint-rules';
import { recipientsTold } from '@/lib/fulfilment/recipients-told';
import { DecisionNotices } from './decision-notices';
import { type PageLocale, pageLocaleOf, publicDate, requestPageLocale } from '@/app/components/page-locale';
import { requestTypeLabel } from '@/lib/universal/i18n/code-labels';
import { translatorFor } from '@/lib/i18n/catalogs';

/**
 * The requester's status page: plain HTML from a route handler, with no script. Everything on it is
 * text and forms that post to route handlers (post/redirect/get), so it needs no JavaScript; not
 * loading React here keeps the page light, and no code at all runs on a page whose URL holds the
 * status token. Referrer-Policy: no-referrer comes from proxy.ts (header) and the page's meta tag.
 */
const invalidLink = (page: PageLocale, advice: 'status.invalidAdvice' | 'notice.too-many-attempts') => {
  const t = translatorFor(page.locale);
  return staticPage({
    ...page,
    title: t('status.title'),
    children: <InvalidLinkView t={t} advice={t(advice)} />,
  });
};

/**
 * The database is away (publicError's 503): a page in the reader's language saying the request is
 * safe and to come back, with Retry-After, rather than a bare 500. Anything else is rethrown.
 */
const unavailable = (page: PageLocale, error: unknown) => {
  const answer = publicError(error, page.locale);
  if (answer.status !== 503) throw error;
  const t = translatorFor(page.locale);
  return staticPage({
    ...page,
    title: t('status.title'),
    status: 503,
    headers: { 'Retry-After': String(answer.retryAfterSeconds ?? 30) },
    children: (
      <>
        <h1>{t('status.unavailable.title')}</h1>
        <p>{t('status.unavailable.advice')}</p>
      </>
    ),
  });
};

export async function GET(incoming: Request, context: { params: Promise<{ id: string }> }) {
  const page = pageLocaleOf(incoming);
  try {
    return await statusPage(incoming, page, context);
  } catch (error) {
    return unavailable(page, error);
  }
}

async function statusPage(incoming: Request, page: PageLocale, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const search = new URL(incoming.url).searchParams;
  // `?token=a&token=b` keeps the first, as on every page.
  const param = (name: string) => search.get(name) ?? undefined;
  const token = tokenSchema.safeParse(param('token'));
  if (!token.success) return invalidLink(page, 'status.invalidAdvice');

  let request: PublicRequestStatus;
  try {
    request = await getRequestStatus({ requestId: id, token: token.data, ip: clientInfo(incoming.headers).ip });
  } catch (error) {
    // Unknown id and wrong token look the same, so the page says nothing about which requests exist.
    if (error instanceof AppError && error.code === 'NOT_FOUND') return invalidLink(page, 'status.invalidAdvice');
    if (error instanceof AppError && error.code === 'RATE_LIMITED')
      return invalidLink(page, 'notice.too-many-attempts');
    throw error;
  }

  const [pkg, evidence, recipients, complaints] = await Promise.all([
    packageState(request.id),
    evidenceForRequester(request.id),
    recipientsTold(request.id),
    complaintsForRequester(request.id),
  ]);
  const justWithdrawn = param('withdrawn') === '1' && request.status === 'withdrawn';
  const justAnswered = param('answered') === '1' && request.status !== 'awaiting_requester';
  const notice = readNotice(param('notice'))?.key;
  const noticeFor = (
    form:
      | 'reply'
      | 'withdraw'
      | 'package'
      | 'appeal'
      | 'account-email'
      | 'identity-questions'
      | 'declaration'
      | 'account-sign-in'
      | 'evidence'
      | 'complaint',
  ) => (param('form') === form ? notice : undefined);
  // A proof that succeeded may leave nothing more to prove (and so no form to say it on).
  const proofNotice = noticeFor('identity-questions') ?? noticeFor('declaration') ?? noticeFor('account-sign-in');
  const proofSucceeded = proofNotice && NOTICES[proofNotice].tone === 'success' ? proofNotice : undefined;
  const justComplained = param('complained') === '1' && complaints.length > 0;
  const justAppealed = param('appealed') === '1' && request.appeal.made !== null;
  const appealMade = request.appeal.made;
  const signIn = env().requesterSignIn;
  const signInNotice = noticeFor('account-sign-in');
  // The request's language, whatever the browser says, unless switched on this page.
  const locale = requestPageLocale(page, request.locale);
  const t = translatorFor(locale);
  const wording = statusWording(t, request);
  return staticPage({
    locale,
    path: page.path,
    title: t('status.title'),
    children: (
      <>
        <h1>{t('status.heading', { reference: request.reference })}</h1>
        {justWithdrawn && (
          <div className="notice notice--success" role="status">
            <p>{t('status.justWithdrawn')}</p>
          </div>
        )}
        {justAnswered && (
          <div className="notice notice--success" role="status">
            <p>{t('status.justAnswered')}</p>
          </div>
        )}
        {justAppealed && (
          <div className="notice notice--success" role="status">
            <p>{t('status.justAppealed', { dueOn: publicDate(t, appealMade!.dueAt, request.timeZone) })}</p>
          </div>
        )}
        {justComplained && (
          <div className="notice notice--success" role="status">
            <p>
              {t('status.justComplained', { dueOn: publicDate(t, complaints.at(-1)!.respondBy, request.timeZone) })}
            </p>
          </div>
        )}
        {proofSucceeded && (
          <div className="notice notice--success" role="status">
            <p>{noticeMessage(t, proofSucceeded)}</p>
          </div>
        )}
        {request.question && (
          <ReplyForm
            t={t}
            requestId={request.id}
            token={token.data}
            question={request.question}
            notice={noticeFor('reply')}
          />
        )}
        <dl className="summary-list">
          <dt>{t('status.reference')}</dt>
          <dd>{request.reference}</dd>
          <dt>{t('status.youAskedUsTo')}</dt>
          <dd>
            <ul className="rights">
              {request.types.map((type) => (
                <li key={type}>{requestTypeLabel(t, type)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('status.status')}</dt>
          <dd>
            <span className="status-badge">{wording.title}</span>
            <p className="hint">{wording.explanation}</p>
          </dd>
          {request.optOut && !request.optOut.only && (
            <>
              <dt>{t('status.optOut.label', { count: request.optOut.types.length })}</dt>
              <dd>
                {request.optOut.honoredAt
                  ? t('status.optOut.honoredOn', {
                      date: publicDate(t, request.optOut.honoredAt, request.timeZone),
                    })
                  : t('status.optOut.beingApplied')}
              </dd>
            </>
          )}
          {request.accountEmail && (
            <>
              <dt>{t('status.accountEmail')}</dt>
              <dd>
                {request.accountEmail.masked}{' '}
                {request.accountEmail.provenAt
                  ? t('status.accountEmailConfirmedOn', {
                      date: publicDate(t, request.accountEmail.provenAt, request.timeZone),
                    })
                  : t('status.accountEmailNotConfirmed')}
              </dd>
            </>
          )}
          <dt>{t('status.received')}</dt>
          <dd>{publicDate(t, request.receivedAt, request.timeZone)}</dd>
          {request.closedAt ? (
            <>
              <dt>{t('status.closed')}</dt>
              <dd>{publicDate(t, request.closedAt, request.timeZone)}</dd>
            </>
          ) : (
            <>
              <dt>{t('status.answerBy')}</dt>
              <dd>{publicDate(t, request.dueAt, request.timeZone)}</dd>
            </>
          )}
        </dl>
        {!request.closedAt && request.deadlineSteps.length > 0 && (
          <details className="field">
            <summary>{t('status.howWorkedOut')}</summary>
            {/* The rules' steps (lib/deadlines/steps.ts), worded in the page's language. */}
            <ul data-testid="deadline-steps">
              {request.deadlineSteps.map((line, index) => (
                <li key={index}>{say(t, line)}</li>
              ))}
            </ul>
          </details>
        )}

        {request.accountEmail && !request.accountEmail.provenAt && !request.closedAt && (
          <AccountEmailForm
            t={t}
            requestId={request.id}
            token={token.data}
            masked={request.accountEmail.masked}
            notice={noticeFor('account-email')}
          />
        )}
        {request.verification.moreNeeded && (!request.closedAt || pkg) && (
          <IdentitySection t={t} verification={request.verification}>
            {signIn && request.verification.reached !== 'high' && (
              <AccountSignInForm
                t={t}
                requestId={request.id}
                token={token.data}
                name={env().REQUESTER_OIDC_NAME ?? null}
                company={env().COMPANY_NAME}
                notice={signInNotice}
              />
            )}
            <IdentityQuestionsForm
              t={t}
              requestId={request.id}
              token={token.data}
              questions={request.verification.questions}
              notice={noticeFor('identity-questions')}
            />
            {request.verification.declaration.offered && (
              <DeclarationForm t={t} requestId={request.id} token={token.data} notice={noticeFor('declaration')} />
            )}
            <EvidenceForm
              t={t}
              requestId={request.id}
              token={token.data}
              sent={evidence}
              timeZone={request.timeZone}
              maxMb={env().EVIDENCE_MAX_MB}
              canSend={request.status !== 'unverified'}
              notice={noticeFor('evidence')}
            />
          </IdentitySection>
        )}
        {pkg && (
          <PackageSection
            t={t}
            requestId={request.id}
            token={token.data}
            contactEmail={env().PRIVACY_CONTACT_EMAIL}
            notice={noticeFor('package')}
            awaitingProof={!request.verification.readyForRelease}
            pkg={{
              status: pkg.status,
              expiresOn: pkg.expiresAt ? publicDate(t, pkg.expiresAt, request.timeZone) : null,
              sizeKb: pkg.size ? Math.max(1, Math.round(pkg.size / 1024)) : null,
              withheld: pkg.withheld.map((w) => sayIn(t.locale, withheldPhrase(w.count, w.reason))),
            }}
          />
        )}
        {request.decisionNotices && (
          <DecisionNotices t={t} notices={request.decisionNotices} partial={request.status === 'completed'} />
        )}
        {appealMade && (
          <>
            <h2>{t('status.yourAppeal')}</h2>
            <dl className="summary-list">
              <dt>{t('status.received')}</dt>
              <dd>{publicDate(t, appealMade.receivedAt, request.timeZone)}</dd>
              <dt>{t('status.outcome')}</dt>
              <dd>
                {appealMade.status === 'pending'
                  ? t('status.appealPending', { date: publicDate(t, appealMade.dueAt, request.timeZone) })
                  : appealMade.status === 'granted'
                    ? t('status.appealGranted')
                    : t('status.appealDenied')}
              </dd>
            </dl>
          </>
        )}
        {request.appeal.canAppeal && (
          <AppealForm
            t={t}
            requestId={request.id}
            token={token.data}
            closesOn={request.appeal.closesAt ? publicDate(t, request.appeal.closesAt, request.timeZone) : null}
            notice={noticeFor('appeal')}
          />
        )}

        <RecipientsSection t={t} recipients={recipients} timeZone={request.timeZone} />
        {complaints.length > 0 && (
          <>
            <h2>{t('status.yourComplaints')}</h2>
            <dl className="summary-list">
              {complaints.map((c) => (
                <div key={c.id}>
                  <dt>{t('status.complaintReceived', { date: publicDate(t, c.receivedAt, request.timeZone) })}</dt>
                  <dd>
                    {c.resolvedAt
                      ? t('status.complaintAnswered', { date: publicDate(t, c.resolvedAt, request.timeZone) })
                      : t('status.complaintPending', { date: publicDate(t, c.respondBy, request.timeZone) })}
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <ComplaintForm
          t={t}
          requestId={request.id}
          token={token.data}
          authority={complaintRule(request.jurisdiction, new Date()).authorityNotice}
          notice={noticeFor('complaint')}
        />

        <h2>{t('status.timeline.title')}</h2>
        <Timeline t={t} events={request.timeline} timeZone={request.timeZone} />

        <p className="hint">{t(request.canWithdraw ? 'status.keepPrivateWithdraw' : 'status.keepPrivate')}</p>
        {request.canWithdraw && (
          <WithdrawForm t={t} requestId={request.id} token={token.data} notice={noticeFor('withdraw')} />
        )}
      </>
    ),
  });
}
