import type { AgentAuthorizationSummary } from '@/lib/agents/get-agent-authorization';
import { AGENT_AUTHORIZATION_LABELS } from '@/lib/universal/codes';
import { formatInstant } from '../../../labels';

/**
 * An authorized agent's proof (CCPA regs §7063): its kind, the person's answer, and the document for
 * staff who may open it. To refuse the agent, deny with "agent not authorized".
 */
export function AgentSection({
  requestId,
  agent,
  timeZone,
}: {
  requestId: string;
  agent: AgentAuthorizationSummary;
  timeZone: string;
}) {
  const answer =
    agent.kind === 'power_of_attorney'
      ? 'Not asked: a power of attorney needs no confirmation from the person (§7063(b)). Check the document.'
      : agent.personRefusedAt
        ? `Refused: the person said they did not ask anyone, ${formatInstant(agent.personRefusedAt, timeZone)}`
        : agent.personConfirmedAt
          ? `Confirmed by the person, ${formatInstant(agent.personConfirmedAt, timeZone)}`
          : 'Waiting: the person has not answered yet (the request cannot start before they confirm)';
  return (
    <section aria-labelledby="agent-title" className="admin-panel">
      <h2 id="agent-title">Authorized agent</h2>
      <dl className="admin-summary">
        <dt>Proof</dt>
        <dd>{AGENT_AUTHORIZATION_LABELS[agent.kind]}</dd>
        <dt>The person&apos;s answer</dt>
        <dd data-testid="agent-answer">{answer}</dd>
        <dt>Copies of emails to the agent</dt>
        <dd>{agent.copiesConsented ? 'Yes, the person agreed' : 'No'}</dd>
        <dt>Document</dt>
        <dd>
          {agent.document.purged ? (
            'Deleted with the request’s personal data'
          ) : agent.canViewProof ? (
            <a href={`/api/admin/requests/${requestId}/agent-document`}>
              Download the proof ({agent.document.type}, {Math.ceil(agent.document.size / 1024)} KB; your view is
              recorded)
            </a>
          ) : (
            'Your role cannot open it.'
          )}
        </dd>
      </dl>
      <p className="admin-hint">
        If the proof does not show the person&apos;s authority, deny with “agent not authorized”.
      </p>
    </section>
  );
}
