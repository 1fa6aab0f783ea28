import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { Locale } from '../universal/i18n/locales';
import type { Messages } from '../universal/i18n/translator';
import { currentTemplateVersion } from './current-template-version';
import { editableTemplate } from './editable-templates';
import { templateMessagesSchema, type TemplateMessagesInput } from './schemas';
import { validateTemplateMessages } from './validate-template-messages';

/**
 * Saves an admin's words for one template in one language as its next version, after checking every
 * message (validate-template-messages.ts: nothing invalid is ever stored). Saving the words already
 * in use saves nothing. Audited with the keys changed, never the text of other versions.
 */
export async function saveTemplateVersion(options: { staff: StaffIdentity; input: TemplateMessagesInput }) {
  const staff = authorize(options.staff, 'templates.manage');
  const input = templateMessagesSchema.parse(options.input);
  const template = editableTemplate(input.template)!;
  const messages = validateTemplateMessages({ template, locale: input.locale, messages: input.messages });
  return db().$transaction((tx) =>
    writeVersion(tx, { staff, template: template.name, locale: input.locale, messages, revertedFrom: null }),
  );
}

/** The next version's row and its audit event; a version equal to the current one is not written. */
export async function writeVersion(
  tx: Tx,
  options: { staff: StaffIdentity; template: string; locale: Locale; messages: Messages; revertedFrom: number | null },
) {
  // One writer at a time per template and language, so two saves never take the same number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`template:${options.template}:${options.locale}`}))`;
  const current = await currentTemplateVersion(tx, options.template, options.locale);
  const previous = current?.messages ?? {};
  if (sameMessages(previous, options.messages)) return { version: current?.version ?? 0, changed: false };
  const version = (current?.version ?? 0) + 1;
  await tx.emailTemplateVersion.create({
    data: {
      template: options.template,
      locale: options.locale,
      version,
      messages: options.messages,
      revertedFrom: options.revertedFrom,
      createdById: options.staff.id,
    },
    select: { id: true },
  });
  const keys = new Set([...Object.keys(previous), ...Object.keys(options.messages)]);
  await recordAuditEvent(tx, {
    action: options.revertedFrom === null ? 'email_template.saved' : 'email_template.reverted',
    actor: { type: 'staff', id: options.staff.id },
    data: {
      template: options.template,
      locale: options.locale,
      version,
      revertedFrom: options.revertedFrom,
      changedKeys: [...keys].filter((k) => previous[k as keyof Messages] !== options.messages[k as keyof Messages]),
    },
  });
  return { version, changed: true };
}

function sameMessages(a: Messages, b: Messages) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k as keyof Messages] === b[k as keyof Messages]);
}
