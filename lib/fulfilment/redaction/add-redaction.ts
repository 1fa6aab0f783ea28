import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { listDatasets } from './list-datasets';
import { addRedactionSchema, type AddRedactionInput } from './schemas';

/**
 * A reviewer withholds a field (a column) or rows (a row number, or the rows containing a text) of one
 * of a request's data sets from its package. Only before the package is built: once released, what
 * the requester receives is fixed. Audited without the withheld content (a matched text stays out).
 */
export async function addRedaction(options: { staff: StaffIdentity; requestId: string; input: AddRedactionInput }) {
  const staff = authorize(options.staff, 'packages.review');
  const input = addRedactionSchema.parse(options.input);
  if (!isUuid(options.requestId)) throw new AppError('NOT_FOUND', 'No such request.');
  return db().$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: options.requestId },
      select: { id: true, dataPackage: { select: { status: true } } },
    });
    if (!request) throw new AppError('NOT_FOUND', 'No such request.');
    await tx.$queryRaw`SELECT id FROM privacy_request WHERE id = ${request.id}::uuid FOR UPDATE`;
    const status = request.dataPackage?.status;
    if (status && status !== 'awaiting_review')
      throw new AppError('CONFLICT', 'The package is already released: redactions can no longer change it.');
    const datasets = await listDatasets(request.id, tx);
    if (!datasets.some((d) => d.key === input.dataset))
      throw new AppError('INVALID_INPUT', 'This request has no such data set.', {
        fields: { dataset: ['Choose a data set'] },
      });
    const redaction = await tx.redaction.create({
      data: {
        requestId: request.id,
        dataset: input.dataset,
        kind: input.kind,
        target: input.target,
        reason: input.reason,
        createdById: staff.id,
      },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'redaction.added',
      actor: { type: 'staff', id: staff.id },
      data: {
        redactionId: redaction.id,
        dataset: input.dataset,
        kind: input.kind,
        reason: input.reason,
        // A column name is ours; a row is named by number, a matched text never.
        ...(input.kind === 'field'
          ? { field: input.target }
          : /^\d+$/.test(input.target)
            ? { row: Number(input.target) }
            : { rowsMatching: 'a text' }),
      },
    });
    return redaction;
  });
}
