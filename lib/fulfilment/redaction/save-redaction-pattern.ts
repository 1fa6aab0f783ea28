import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { redactionPatternSchema, type RedactionPatternInput } from './schemas';

/**
 * An admin's pattern, for one data set (by its "<system>/<name>") or every data set, applied to every
 * package built from now on. A custom expression is validated (RE2 syntax, length) before it is kept.
 */
export async function saveRedactionPattern(options: { staff: StaffIdentity; input: RedactionPatternInput }) {
  const staff = authorize(options.staff, 'redaction.patterns');
  const input = redactionPatternSchema.parse(options.input);
  return db().$transaction(async (tx) => {
    const pattern = await tx.redaction.create({
      data: {
        requestId: null,
        dataset: input.dataset,
        kind: 'pattern',
        target: input.pattern,
        regex: input.pattern === 'regex' ? input.regex : null,
        reason: input.reason,
        createdById: staff.id,
      },
    });
    await recordAuditEvent(tx, {
      action: 'redaction.pattern_added',
      actor: { type: 'staff', id: staff.id },
      data: {
        redactionId: pattern.id,
        dataset: input.dataset,
        pattern: input.pattern,
        regex: pattern.regex,
        reason: input.reason,
      },
    });
    return pattern;
  });
}
