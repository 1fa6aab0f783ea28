import type { Tx } from '../db';
import type { Messages } from '../universal/i18n/translator';

export type TemplateVersion = { version: number; messages: Messages };

/**
 * The edited words in use for a template in a language: its highest saved version, or null when
 * admins never edited it (the catalog's words, recorded as no version).
 */
export async function currentTemplateVersion(
  tx: Tx,
  template: string,
  locale: string,
): Promise<TemplateVersion | null> {
  const row = await tx.emailTemplateVersion.findFirst({
    where: { template, locale },
    orderBy: { version: 'desc' },
    select: { version: true, messages: true },
  });
  return row ? { version: row.version, messages: row.messages as Messages } : null;
}
