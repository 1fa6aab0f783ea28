/**
 * Every email the portal sends: its React Email component and its subject. Adding a template means
 * adding a file in emails/ and a line here; `enqueueEmail` is typed by this table.
 */
import type { ComponentType } from 'react';
import AgentNotAuthorizedEmail, { agentNotAuthorizedSubject } from '@/emails/agent-not-authorized';
import AgentStatusLinkEmail, { agentStatusLinkSubject } from '@/emails/agent-status-link';
import AppealDecidedEmail, { appealDecidedSubject } from '@/emails/appeal-decided';
import AppealExtendedEmail, { appealExtendedSubject } from '@/emails/appeal-extended';
import AppealReceivedEmail, { appealReceivedSubject } from '@/emails/appeal-received';
import ComplaintReceivedEmail, { complaintReceivedSubject } from '@/emails/complaint-received';
import ComplaintResolvedEmail, { complaintResolvedSubject } from '@/emails/complaint-resolved';
import DeadlineExtendedEmail, { deadlineExtendedSubject } from '@/emails/deadline-extended';
import DownloadLinkEmail, { downloadLinkSubject } from '@/emails/download-link';
import OptOutReceivedEmail, { optOutReceivedSubject } from '@/emails/opt-out-received';
import ProveAccountEmail, { proveAccountEmailSubject } from '@/emails/prove-account-email';
import RequestAcknowledgedEmail, { requestAcknowledgedSubject } from '@/emails/request-acknowledged';
import RequestDecidedEmail, { requestDecidedSubject } from '@/emails/request-decided';
import RequestNotVerifiedEmail, { requestNotVerifiedSubject } from '@/emails/request-not-verified';
import RequesterMessageEmail, { requesterMessageSubject } from '@/emails/requester-message';
import RequestReceivedEmail, { requestReceivedSubject } from '@/emails/request-received';
import RequestWithdrawnEmail, { requestWithdrawnSubject } from '@/emails/request-withdrawn';
import StaffDigestEmail, { staffDigestSubject } from '@/emails/staff-digest';
import StaffNoticeEmail, { staffNoticeSubject } from '@/emails/staff-notice';
import StrongerProofRequestedEmail, { strongerProofRequestedSubject } from '@/emails/stronger-proof-requested';
import StaffSignInEmail, { staffSignInSubject } from '@/emails/staff-sign-in';
import VerificationReminderEmail, { verificationReminderSubject } from '@/emails/verification-reminder';
import VerifyRequestEmail, { verifyRequestSubject } from '@/emails/verify-request';

type Template<P> = { component: ComponentType<P>; subject: (props: P) => string };
function template<P>(component: ComponentType<P>, subject: (props: P) => string): Template<P> {
  return { component, subject };
}

export const templates = {
  'verify-request': template(VerifyRequestEmail, verifyRequestSubject),
  'request-received': template(RequestReceivedEmail, requestReceivedSubject),
  'opt-out-received': template(OptOutReceivedEmail, optOutReceivedSubject),
  'request-withdrawn': template(RequestWithdrawnEmail, requestWithdrawnSubject),
  'verification-reminder': template(VerificationReminderEmail, verificationReminderSubject),
  'request-not-verified': template(RequestNotVerifiedEmail, requestNotVerifiedSubject),
  'request-acknowledged': template(RequestAcknowledgedEmail, requestAcknowledgedSubject),
  'deadline-extended': template(DeadlineExtendedEmail, deadlineExtendedSubject),
  'staff-digest': template(StaffDigestEmail, staffDigestSubject),
  'staff-sign-in': template(StaffSignInEmail, staffSignInSubject),
  'staff-notice': template(StaffNoticeEmail, staffNoticeSubject),
  'requester-message': template(RequesterMessageEmail, requesterMessageSubject),
  'request-decided': template(RequestDecidedEmail, requestDecidedSubject),
  'download-link': template(DownloadLinkEmail, downloadLinkSubject),
  'appeal-received': template(AppealReceivedEmail, appealReceivedSubject),
  'appeal-decided': template(AppealDecidedEmail, appealDecidedSubject),
  'appeal-extended': template(AppealExtendedEmail, appealExtendedSubject),
  'prove-account-email': template(ProveAccountEmail, proveAccountEmailSubject),
  'agent-status-link': template(AgentStatusLinkEmail, agentStatusLinkSubject),
  'agent-not-authorized': template(AgentNotAuthorizedEmail, agentNotAuthorizedSubject),
  'stronger-proof-requested': template(StrongerProofRequestedEmail, strongerProofRequestedSubject),
  'complaint-received': template(ComplaintReceivedEmail, complaintReceivedSubject),
  'complaint-resolved': template(ComplaintResolvedEmail, complaintResolvedSubject),
};

export type TemplateName = keyof typeof templates;
export type TemplateProps<N extends TemplateName> = (typeof templates)[N] extends Template<infer P> ? P : never;
