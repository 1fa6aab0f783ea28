import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { type RecipientTransferInput, recipientTransferSchema } from './schemas';

/**
 * An admin records the safeguard a recipient's transfer relies on, and where it goes: the data
 * package names it for that recipient (GDPR Art. 15(2)) instead of a generic "such as standard
 * contractual clauses". Audited with the values, which are facts about a company, not a person.
 */
export async function saveRecipientTransfer(options: { staff: StaffIdentity; input: RecipientTransferInput }) {
  const staff = authorize(options.staff, 'inventory.manage');
  const { recipientId, transferSafeguard, transferCountry } = recipientTransferSchema.parse(options.input);
  // A transfer names where it goes; the package cannot name the safeguard of a transfer to nowhere.
  if (transferSafeguard && transferSafeguard !== 'no_transfer' && !transferCountry)
    throw new AppError('INVALID_INPUT', 'Name the country the data is transferred to.', {
      fields: { transferCountry: ['Give the destination country'] },
    });
  return db().$transaction(async (tx) => {
    const recipient = await tx.dataRecipient.findUnique({ where: { id: recipientId } });
    if (!recipient) throw new AppError('NOT_FOUND', 'No recipient with that id.');
    const updated = await tx.dataRecipient.update({
      where: { id: recipient.id },
      data: { transferSafeguard, transferCountry: transferSafeguard === 'no_transfer' ? null : transferCountry },
    });
    await recordAuditEvent(tx, {
      action: 'inventory.recipient_transfer_saved',
      actor: { type: 'staff', id: staff.id },
      data: {
        recipientId: recipient.id,
        key: recipient.key,
        transferSafeguard: updated.transferSafeguard,
        transferCountry: updated.transferCountry,
      },
    });
    return updated;
  });
}
