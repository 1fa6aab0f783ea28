'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { revealAction } from '../../../actions';
import { ActionButton, ActionFeedback, useStaffForms } from '../../../staff-form';

type Masked = {
  email: string;
  name: string | null;
  accountEmail: string | null;
  agent: { name: string | null; email: string } | null;
};
type Revealed = {
  email: string;
  name: string | null;
  accountEmail: string | null;
  agentName: string | null;
  agentEmail: string | null;
};

/**
 * The requester's contact details, masked until a reviewer or admin reveals them (an audited action).
 * The account email is marked proven or not: tasks act for it only once the requester proved it.
 */
export function RevealRequester({
  requestId,
  masked,
  canReveal,
  accountEmailProvenOn,
}: {
  requestId: string;
  masked: Masked;
  canReveal: boolean;
  accountEmailProvenOn: string | null;
}) {
  const router = useRouter();
  const form = useStaffForms({ reveal: revealAction });
  const { outcome } = form;
  const revealed = outcome?.result.ok ? (outcome.result.data as Revealed) : null;
  // The reveal is now in the audit log: show it in the timeline.
  useEffect(() => {
    if (revealed) router.refresh();
  }, [revealed, router]);

  const shown = revealed
    ? {
        email: revealed.email,
        name: revealed.name,
        accountEmail: revealed.accountEmail,
        agent: revealed.agentEmail ? { name: revealed.agentName, email: revealed.agentEmail } : null,
      }
    : masked;
  const none = <span className="admin-muted">Not given</span>;

  return (
    <>
      <dl className="admin-summary">
        <dt>Email</dt>
        <dd className={revealed ? 'admin-break' : 'admin-masked'}>{shown.email}</dd>
        <dt>Name</dt>
        <dd className={revealed ? undefined : 'admin-masked'}>{shown.name || none}</dd>
        <dt>Account email</dt>
        <dd className={revealed ? 'admin-break' : 'admin-masked'}>
          {shown.accountEmail ?? none}
          {shown.accountEmail &&
            (accountEmailProvenOn ? (
              <span className="admin-muted"> (proven on {accountEmailProvenOn}: tasks act for it too)</span>
            ) : (
              <span className="admin-muted">
                {' '}
                (not proven: never used to find, copy, change or erase data until the requester proves it)
              </span>
            ))}
        </dd>
        {shown.agent && (
          <>
            <dt>Authorised agent</dt>
            <dd className={revealed ? 'admin-break' : 'admin-masked'}>
              {shown.agent.name ? `${shown.agent.name}, ` : ''}
              {shown.agent.email}
            </dd>
          </>
        )}
      </dl>
      <ActionFeedback
        outcome={outcome}
        successText={() => 'Shown in full. This reveal is recorded in the audit log.'}
      />
      {canReveal && !revealed && (
        <form method="post" onSubmit={form.onSubmit} className="admin-inline-form">
          <input type="hidden" name="requestId" value={requestId} />
          <ActionButton intent="reveal" form={form} variant="secondary" pendingLabel="Revealing…">
            Reveal email and name
          </ActionButton>
          <span className="admin-hint">Each reveal is recorded in the audit log.</span>
        </form>
      )}
    </>
  );
}
