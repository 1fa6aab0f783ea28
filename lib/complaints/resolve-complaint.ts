import { recordAuditEvent } from '../audit/record-audit-event';
import { cancelSubjectDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { formatReference } from '../universal/reference';
import { complaintRule } from './complaint-rules';

/**
 * Staff tell the complainant the outcome of their complaint (UK DPA 2018 s.164A(4)(b)): the message is
 * emailed, the complaint's deadline jobs are cancelled, and the action is audited.
 */
export async function resolveComplaint(options: {
  staff: StaffIdentity | null;
  complaintId: string;
  message: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'complaints.resolve');
  const message = options.message.trim();
  if (message.length < 10 || message.length > 10_000)
    throw new AppError('INVALID_INPUT', 'Write the outcome the complainant will receive (10 to 10,000 characters).', {
      fields: { message: ['Write the outcome'] },
    });
  if (!/^[0-9a-f-]{36}$/i.test(options.complaintId)) throw new AppError('NOT_FOUND', 'There is no such complaint.');
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const complaint = await tx.requestComplaint.findUnique({
      where: { id: options.complaintId },
      include: { request: true },
    });
    if (!complaint) throw new AppError('NOT_FOUND', 'There is no such complaint.');
    const updated = await tx.requestComplaint.updateMany({
      where: { id: complaint.id, resolvedAt: null },
      data: { resolvedAt: now, resolvedById: staff.id, outcomeMessage: message },
    });
    if (updated.count === 0) throw new AppError('CONFLICT', 'This complaint has already been answered.');
    const { request } = complaint;
    await cancelSubjectDeadlineJobs(tx, { requestId: request.id, complaintId: complaint.id });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'complaint.resolved',
      actor: { type: 'staff', id: staff.id },
      summary: 'We told you the outcome of your complaint; see our email',
      data: { complaintId: complaint.id, onTime: now <= complaint.respondBy },
    });
    await enqueueEmail(tx, {
      template: 'complaint-resolved',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        message,
        authority: complaintRule(complaint.jurisdiction, complaint.receivedAt).authorityNotice,
        statusUrl: publicLinks.statusOf(request),
      },
    });
  });
}
