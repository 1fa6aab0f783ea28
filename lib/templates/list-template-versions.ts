import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { Messages } from '../universal/i18n/translator';

/** A template's versions in one language, newest first, with who saved each. */
export async function listTemplateVersions(options: { staff: StaffIdentity; template: string; locale: string }) {
  authorize(options.staff, 'templates.manage');
  const rows = await db().emailTemplateVersion.findMany({
    where: { template: options.template, locale: options.locale },
    orderBy: { version: 'desc' },
    take: 100,
    select: { version: true, messages: true, revertedFrom: true, createdAt: true, createdById: true },
  });
  const people = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } },
    select: { id: true, name: true, email: true },
  });
  const nameOf = (id: string) => {
    const person = people.find((p) => p.id === id);
    return person?.name || person?.email || 'Former staff member';
  };
  return rows.map((r) => ({
    version: r.version,
    messages: r.messages as Messages,
    revertedFrom: r.revertedFrom,
    createdAt: r.createdAt,
    savedBy: nameOf(r.createdById),
  }));
}

/** The version in use per template and language (absent: never edited). */
export async function currentTemplateVersions(options: { staff: StaffIdentity }) {
  authorize(options.staff, 'templates.manage');
  const rows = await db().emailTemplateVersion.groupBy({
    by: ['template', 'locale'],
    _max: { version: true },
  });
  return new Map(rows.map((r) => [`${r.template}:${r.locale}`, r._max.version ?? 0]));
}
