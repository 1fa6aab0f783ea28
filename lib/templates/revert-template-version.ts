import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { Messages } from '../universal/i18n/translator';
import { editableTemplate } from './editable-templates';
import { revertTemplateSchema, type RevertTemplateInput } from './schemas';
import { validateTemplateMessages } from './validate-template-messages';
import { writeVersion } from './save-template-version';

/**
 * Puts an older version back in use by saving its messages again as the next version (version 0:
 * the catalog's words), so the history stays as it was. The old words are checked again: a catalog
 * change since (a variable renamed, a message locked) refuses a revert that would no longer be valid.
 */
export async function revertTemplateVersion(options: { staff: StaffIdentity; input: RevertTemplateInput }) {
  const staff = authorize(options.staff, 'templates.manage');
  const input = revertTemplateSchema.parse(options.input);
  const template = editableTemplate(input.template)!;
  return db().$transaction(async (tx) => {
    let messages: Messages = {};
    if (input.version > 0) {
      const row = await tx.emailTemplateVersion.findUnique({
        where: { template_locale_version: { template: template.name, locale: input.locale, version: input.version } },
        select: { messages: true },
      });
      if (!row) throw new AppError('NOT_FOUND', 'No such version of this template.');
      messages = validateTemplateMessages({
        template,
        locale: input.locale,
        messages: row.messages as Record<string, string>,
      });
    }
    return writeVersion(tx, {
      staff,
      template: template.name,
      locale: input.locale,
      messages,
      revertedFrom: input.version,
    });
  });
}
