import { languageName } from '@/lib/i18n/catalogs';
import { isLocale } from '@/lib/universal/i18n/locales';
import { DENIAL_REASONS, type DenialReason } from '@/lib/requests/denial-notices';
import type { RequestDetail } from '@/lib/requests/staff/get-request-detail';
import { staffTimeZone } from '@/lib/clock/request-deadline';
import { REQUEST_TYPE_LABELS } from '@/lib/universal/codes';
import {
  VERIFICATION_LEVEL_LABELS,
  VERIFICATION_METHOD_LABELS,
  type VerificationLevel,
} from '@/lib/verification/levels';
import { isOptOutOnly } from '@/lib/verification/opt-outs';
import { PAUSE_REASON_LABELS, TYPE_LABELS, formatDay, formatInstant } from '../../../labels';

/** A request's language by its own name, with its code for staff who do not read it ("Deutsch (de)"). */
const localeName = (locale: string) => `${isLocale(locale) ? languageName(locale) : locale} (${locale})`;
import { RevealRequester } from './reveal-requester';

const notRecorded = <span className="admin-muted">Not recorded</span>;

export function SubmittedSection({ detail, canReveal }: { detail: RequestDetail; canReveal: boolean }) {
  const { submitted } = detail;
  return (
    <section aria-labelledby="submitted-title" className="admin-panel">
      <h2 id="submitted-title">Submitted</h2>
      <RevealRequester
        requestId={detail.id}
        masked={submitted}
        canReveal={canReveal}
        accountEmailProvenOn={
          submitted.accountEmailProvenAt ? formatInstant(submitted.accountEmailProvenAt, staffTimeZone(detail)) : null
        }
      />
      <h3>Details from the requester</h3>
      {submitted.details ? (
        <p className="admin-prewrap">{submitted.details}</p>
      ) : (
        <p className="admin-muted">None given.</p>
      )}
      <p className="admin-hint">
        Received {formatInstant(detail.receivedAt, staffTimeZone(detail))} through the{' '}
        {detail.drp
          ? `Data Rights Protocol, from the authorized agent ${detail.drp.agentName} (${detail.drp.agentId}): ${detail.drp.exercise}, ${detail.drp.regime ?? 'voluntary'}`
          : detail.channel === 'api'
            ? 'API'
            : 'web form'}
        , in <span lang={detail.locale}>{localeName(detail.locale)}</span>: our emails to the requester are in that
        language; a message you write is sent as you write it.
      </p>
    </section>
  );
}

export function VerificationSection({ detail }: { detail: RequestDetail }) {
  const v = detail.verification;
  const zone = staffTimeZone(detail);
  const level = (value: VerificationLevel) => VERIFICATION_LEVEL_LABELS[value];
  return (
    <section aria-labelledby="verification-title" className="admin-panel">
      <h2 id="verification-title">Verification</h2>
      <dl className="admin-summary">
        <dt>Level reached</dt>
        <dd data-testid="verification-level">{level(v.reached)}</dd>
        <dt>Needed before work</dt>
        <dd>
          {level(v.required.beforeWork)}{' '}
          {v.readyForWork ? '(reached)' : <strong>(not reached: Start is refused)</strong>}
        </dd>
        <dt>Needed before release</dt>
        <dd>
          {level(v.required.beforeDisclosure)}{' '}
          {v.readyForDisclosure ? '(reached)' : <strong>(not reached: the data package is held back)</strong>}
        </dd>
      </dl>
      <h3>Checks passed</h3>
      {v.checks.length === 0 ? (
        <p>The requester has not proven anything yet.</p>
      ) : (
        <ul>
          {v.checks.map((check) => (
            <li key={check.id}>
              {VERIFICATION_METHOD_LABELS[check.method]}
              {check.points !== null && ` (${check.points} matched)`}
              {check.level !== null && ` (accepted at ${level(check.level).toLowerCase()})`}:{' '}
              {formatInstant(check.createdAt, zone)}
            </li>
          ))}
        </ul>
      )}
      {v.identityQuestions.failures > 0 && (
        <p data-testid="identity-question-failures">
          Identity question forms that did not match enough: {v.identityQuestions.failures}
          {v.identityQuestions.locked && (
            <strong> (locked: the requester can no longer answer; verify them another way)</strong>
          )}
        </p>
      )}
      <h3>Why this level</h3>
      <ul className="admin-explanation">
        {v.required.rules.map((rule) => (
          <li key={rule.appliesTo}>
            {REQUEST_TYPE_LABELS[rule.appliesTo].split(' — ')[0]}: {rule.reason}{' '}
            <span className="admin-muted">Source: {rule.source}</span>
          </li>
        ))}
      </ul>
      {v.verifiedAt && (
        <dl className="admin-summary">
          <dt>Email confirmed</dt>
          <dd>{formatInstant(v.verifiedAt, zone)}</dd>
          <dt>From IP address</dt>
          <dd>{v.ip ?? notRecorded}</dd>
          <dt>Browser</dt>
          <dd className="admin-break">{v.userAgent ?? notRecorded}</dd>
          <dt>Submitted from IP</dt>
          <dd>{v.submittedIp ?? notRecorded}</dd>
        </dl>
      )}
      {!v.verifiedAt && isOptOutOnly(detail.types) && (
        <p>Not needed: an opt-out is acted on at receipt, without verification (the law forbids asking for it).</p>
      )}
    </section>
  );
}

export function DeadlineSection({ detail }: { detail: RequestDetail }) {
  const { deadline } = detail;
  const zone = deadline.timeZone;
  return (
    <section aria-labelledby="deadline-title" className="admin-panel">
      <h2 id="deadline-title">Deadline</h2>
      <dl className="admin-summary">
        <dt>Due</dt>
        <dd>
          {formatDay(detail.dueAt, zone)} <span className="admin-muted">(end of the day, {zone})</span>
        </dd>
        <dt>Acknowledge by</dt>
        <dd>{deadline.acknowledgeBy ? formatDay(deadline.acknowledgeBy, zone) : 'No acknowledgement required'}</dd>
        <dt>Latest with extension</dt>
        <dd>
          {deadline.maxExtendedDueAt ? formatDay(deadline.maxExtendedDueAt, zone) : 'This regime allows no extension'}
        </dd>
        {detail.extendedAt && (
          <>
            <dt>Extended</dt>
            <dd>
              {formatInstant(detail.extendedAt, staffTimeZone(detail))}
              {detail.extensionReason && <span className="admin-prewrap">: {detail.extensionReason}</span>}
            </dd>
          </>
        )}
      </dl>
      {deadline.types.length > 1 && (
        <>
          <h3>Each part&apos;s own clock</h3>
          <p className="admin-hint">
            The request is due when its nearest open part is; each part can be completed on its own.
          </p>
          <table className="admin-table" data-testid="type-clocks">
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Due</th>
                <th scope="col">Acknowledge by</th>
                <th scope="col">Latest with extension</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {deadline.types.map((t) => (
                <tr key={t.type}>
                  <th scope="row">{TYPE_LABELS[t.type]}</th>
                  <td>{formatDay(t.dueAt, zone)}</td>
                  <td>{t.acknowledgeBy ? formatDay(t.acknowledgeBy, zone) : 'None required'}</td>
                  <td>{t.maxExtendedDueAt ? formatDay(t.maxExtendedDueAt, zone) : 'No extension'}</td>
                  <td>{t.completed ? 'Completed' : 'Open'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>How the due date was worked out</h3>
      <ol className="admin-explanation">
        {deadline.explanation.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
      <h3>Clock pauses</h3>
      {detail.pauses.length === 0 ? (
        <p className="admin-muted">The clock has not been paused.</p>
      ) : (
        <ul>
          {detail.pauses.map((p) => (
            <li key={p.id}>
              {PAUSE_REASON_LABELS[p.reason]}: {formatInstant(p.startedAt, staffTimeZone(detail))} to{' '}
              {p.endedAt ? formatInstant(p.endedAt, staffTimeZone(detail)) : 'now (still paused)'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DecisionSection({ detail }: { detail: RequestDetail }) {
  const { decision } = detail;
  if (!decision.decidedAt) return null;
  return (
    <section aria-labelledby="decision-title" className="admin-panel">
      <h2 id="decision-title">Decision</h2>
      <dl className="admin-summary">
        <dt>Decided</dt>
        <dd>{formatInstant(decision.decidedAt, staffTimeZone(detail))}</dd>
        <dt>Outcome</dt>
        <dd>
          {decision.denialReason
            ? `${decision.partial ? 'Partly denied' : 'Denied'}: ${DENIAL_REASONS[decision.denialReason as DenialReason] ?? decision.denialReason}`
            : 'Completed'}
        </dd>
        {decision.basis && (
          <>
            <dt>Legal basis</dt>
            <dd className="admin-prewrap">{decision.basis}</dd>
          </>
        )}
        {decision.fulfilled && (
          <>
            <dt>What was done</dt>
            <dd className="admin-prewrap">{decision.fulfilled}</dd>
          </>
        )}
      </dl>
      {decision.message && (
        <>
          <h3>Message sent to the requester</h3>
          <p className="admin-prewrap">{decision.message}</p>
        </>
      )}
    </section>
  );
}
