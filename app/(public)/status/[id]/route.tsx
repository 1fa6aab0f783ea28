import { InvalidLinkView } from '@/app/components/invalid-link';
import { staticPage } from '@/app/components/static-page';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { clientInfo } from '@/lib/http/client-info';
import { packageState } from '@/lib/fulfilment/package/download-package';
import { REQUEST_TYPE_LABELS } from '@/lib/universal/codes';
import { getRequestStatus, type PublicRequestStatus } from '@/lib/requests/get-request-status';
import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import { tokenSchema } from '@/lib/universal/request-schema';
import { NOTICES, readNotice } from '../../notices';
import { actedAtReceiptHonored, actedAtReceiptNoun } from '@/lib/universal/opt-out-wording';
import { statusWording } from './status-wording';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
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
import { type PageLocale, pageLocaleOf, requestPageLocale } from '@/app/components/page-locale';
import { translatorFor } from '@/lib/i18n/catalogs';

/**
 * The requester's status page: plain HTML from a route handler, with no script. Everything on it is
 * text and forms that post to route handlers (post/redirect/get), so it needs no JavaScript; not
 * loading React here keeps the page light, and no code at all runs on a page whose URL holds the
 * status token. Referrer-Policy: no-referrer comes from proxy.ts (header) and the page's meta tag.
 */
const INVALID_ADVICE =
  'Use the status link from your most recent email about this request, and check that you copied all of it.';

const invalidLink = (page: PageLocale, advice: string) =>
  staticPage({
    ...page,
    title: translatorFor(page.locale)('status.title'),
    children: <InvalidLinkView advice={advice} />,
  });

export async function GET(incoming: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = pageLocaleOf(incoming);
  const search = new URL(incoming.url).searchParams;
  // `?token=a&token=b` keeps the first, as on every page.
  const param = (name: string) => search.get(name) ?? undefined;
  const token = tokenSchema.safeParse(param('token'));
  if (!token.success) return invalidLink(page, INVALID_ADVICE);

  let request: PublicRequestStatus;
  try {
    request = await getRequestStatus({ requestId: id, token: token.data, ip: clientInfo(incoming.headers).ip });
  } catch (error) {
    // Unknown id and wrong token look the same, so the page says nothing about which requests exist.
    if (error instanceof AppError && error.code === 'NOT_FOUND') return invalidLink(page, INVALID_ADVICE);
    if (error instanceof AppError && error.code === 'RATE_LIMITED') return invalidLink(page, error.message);
    throw error;
  }

  const [pkg, evidence, recipients, complaints] = await Promise.all([
    packageState(request.id),
    evidenceForRequester(request.id),
    recipientsTold(request.id),
    complaintsForRequester(request.id),
  ]);
  const wording = statusWording(request);
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
  const proofSucceeded = proofNotice && NOTICES[proofNotice].tone === 'success' ? NOTICES[proofNotice] : undefined;
  const justComplained = param('complained') === '1' && complaints.length > 0;
  const justAppealed = param('appealed') === '1' && request.appeal.made !== null;
  const appealMade = request.appeal.made;
  const signIn = env().requesterSignIn;
  const signInNotice = noticeFor('account-sign-in');
  // The request's language, whatever the browser says, unless switched on this page.
  const locale = requestPageLocale(page, request.locale);
  const t = translatorFor(locale);
  return staticPage({
    locale,
    path: page.path,
    title: t('status.title'),
    children: (
      <>
        <h1>{t('status.heading', { reference: request.reference })}</h1>
        {justWithdrawn && (
          <div className="notice notice--success" role="status">
            <p>You withdrew this request. We have sent you an email to confirm.</p>
          </div>
        )}
        {justAnswered && (
          <div className="notice notice--success" role="status">
            <p>Thank you: we have your answer, and the time we have to reply runs again.</p>
          </div>
        )}
        {justAppealed && (
          <div className="notice notice--success" role="status">
            <p>
              We have your appeal. We will decide it by{' '}
              {formatPublicDate(new Date(appealMade!.dueAt), request.timeZone)} and write to you with the outcome.
            </p>
          </div>
        )}
        {justComplained && (
          <div className="notice notice--success" role="status">
            <p>
              We have your complaint and have emailed you an acknowledgement. We will tell you the outcome by{' '}
              {formatPublicDate(complaints.at(-1)!.respondBy, request.timeZone)}.
            </p>
          </div>
        )}
        {proofSucceeded && (
          <div className="notice notice--success" role="status">
            <p>{proofSucceeded.message}</p>
          </div>
        )}
        {request.question && (
          <ReplyForm
            requestId={request.id}
            token={token.data}
            question={request.question}
            notice={noticeFor('reply')}
          />
        )}
        <dl className="summary-list">
          <dt>Reference</dt>
          <dd>{request.reference}</dd>
          <dt>You asked us to</dt>
          <dd>
            <ul className="rights">
              {request.types.map((type) => (
                <li key={type}>{REQUEST_TYPE_LABELS[type]}</li>
              ))}
            </ul>
          </dd>
          <dt>Status</dt>
          <dd>
            <span className="status-badge">{wording.title}</span>
            <p className="hint">{wording.explanation}</p>
          </dd>
          {request.optOut && !request.optOut.only && (
            <>
              <dt>{capitalised(actedAtReceiptNoun(request.optOut.types))}</dt>
              <dd>
                {request.optOut.honoredAt
                  ? `${actedAtReceiptHonored(request.optOut.types)} on ${formatPublicDate(new Date(request.optOut.honoredAt), request.timeZone)}`
                  : 'Being applied now: it needs no confirmation'}
              </dd>
            </>
          )}
          {request.accountEmail && (
            <>
              <dt>Account email</dt>
              <dd>
                {request.accountEmail.masked}{' '}
                {request.accountEmail.provenAt
                  ? `(confirmed on ${formatPublicDate(new Date(request.accountEmail.provenAt), request.timeZone)})`
                  : '(not confirmed yet)'}
              </dd>
            </>
          )}
          <dt>Received</dt>
          <dd>{formatPublicDate(new Date(request.receivedAt), request.timeZone)}</dd>
          {request.closedAt ? (
            <>
              <dt>Closed</dt>
              <dd>{formatPublicDate(new Date(request.closedAt), request.timeZone)}</dd>
            </>
          ) : (
            <>
              <dt>We will answer by</dt>
              <dd>{formatPublicDate(new Date(request.dueAt), request.timeZone)}</dd>
            </>
          )}
        </dl>
        {!request.closedAt && request.deadlineExplanation.length > 0 && (
          <details className="field">
            <summary>How we worked out this date</summary>
            <ul>
              {request.deadlineExplanation.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </details>
        )}

        {request.accountEmail && !request.accountEmail.provenAt && !request.closedAt && (
          <AccountEmailForm
            requestId={request.id}
            token={token.data}
            masked={request.accountEmail.masked}
            notice={noticeFor('account-email')}
          />
        )}
        {request.verification.moreNeeded && (!request.closedAt || pkg) && (
          <IdentitySection verification={request.verification}>
            {signIn && request.verification.reached !== 'high' && (
              <AccountSignInForm requestId={request.id} token={token.data} name={signIn.name} notice={signInNotice} />
            )}
            <IdentityQuestionsForm
              requestId={request.id}
              token={token.data}
              questions={request.verification.questions}
              notice={noticeFor('identity-questions')}
            />
            {request.verification.declaration.offered && (
              <DeclarationForm requestId={request.id} token={token.data} notice={noticeFor('declaration')} />
            )}
            <EvidenceForm
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
            requestId={request.id}
            token={token.data}
            contactEmail={env().PRIVACY_CONTACT_EMAIL}
            notice={noticeFor('package')}
            awaitingProof={!request.verification.readyForRelease}
            pkg={{
              status: pkg.status,
              expiresOn: pkg.expiresAt ? formatPublicDate(pkg.expiresAt, request.timeZone) : null,
              sizeLabel: pkg.size ? `${Math.max(1, Math.round(pkg.size / 1024))} KB` : null,
            }}
          />
        )}
        {request.decisionNotices && (
          <DecisionNotices notices={request.decisionNotices} partial={request.status === 'completed'} />
        )}
        {appealMade && (
          <>
            <h2>Your appeal</h2>
            <dl className="summary-list">
              <dt>Received</dt>
              <dd>{formatPublicDate(new Date(appealMade.receivedAt), request.timeZone)}</dd>
              <dt>Outcome</dt>
              <dd>
                {appealMade.status === 'pending'
                  ? `We will decide by ${formatPublicDate(new Date(appealMade.dueAt), request.timeZone)}`
                  : appealMade.status === 'granted'
                    ? 'Your appeal succeeded; see our email'
                    : 'Our decision stands; see our email for the reasons'}
              </dd>
            </dl>
          </>
        )}
        {request.appeal.canAppeal && (
          <AppealForm
            requestId={request.id}
            token={token.data}
            closesOn={
              request.appeal.closesAt ? formatPublicDate(new Date(request.appeal.closesAt), request.timeZone) : null
            }
            notice={noticeFor('appeal')}
          />
        )}

        <RecipientsSection recipients={recipients} timeZone={request.timeZone} />
        {complaints.length > 0 && (
          <>
            <h2>Your complaints</h2>
            <dl className="summary-list">
              {complaints.map((c) => (
                <div key={c.id}>
                  <dt>Received {formatPublicDate(c.receivedAt, request.timeZone)}</dt>
                  <dd>
                    {c.resolvedAt
                      ? `Answered on ${formatPublicDate(c.resolvedAt, request.timeZone)}; see our email`
                      : `Acknowledged; we will tell you the outcome by ${formatPublicDate(c.respondBy, request.timeZone)}`}
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <ComplaintForm
          requestId={request.id}
          token={token.data}
          authority={complaintRule(request.jurisdiction, new Date()).authority}
          notice={noticeFor('complaint')}
        />

        <h2>What has happened so far</h2>
        <Timeline events={request.timeline} timeZone={request.timeZone} />

        <p className="hint">
          Keep this page&rsquo;s link private: anyone with it can see this page
          {request.canWithdraw ? ' and withdraw the request' : ''}.
        </p>
        {request.canWithdraw && (
          <WithdrawForm requestId={request.id} token={token.data} notice={noticeFor('withdraw')} />
        )}
      </>
    ),
  });
}
