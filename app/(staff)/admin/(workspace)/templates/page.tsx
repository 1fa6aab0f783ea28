import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { previewTemplate, samplePropsOf } from '@/lib/email/preview-template';
import type { TemplateName } from '@/lib/email/templates';
import { messagesOf } from '@/lib/i18n/catalogs';
import {
  EDITABLE_TEMPLATES,
  editableTemplate,
  isLockedMessage,
  lockedSourceOf,
} from '@/lib/templates/editable-templates';
import { currentTemplateVersions, listTemplateVersions } from '@/lib/templates/list-template-versions';
import { placeholdersOf, VARIABLE_HELP } from '@/lib/templates/message-placeholders';
import { languageName } from '@/lib/i18n/catalogs';
import { isLocale, LOCALES, type Locale } from '@/lib/universal/i18n/locales';
import type { MessageKey } from '@/lib/universal/i18n/translator';
import { type EditorMessage, TemplateEditor } from './template-editor';
import { RevertButton } from './revert-button';

/** 'same-origin': a form posting without JavaScript must send its Origin (see the rules page). */
export const metadata: Metadata = { title: 'Email templates', referrer: 'same-origin' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * Admins: the words of each requester email and of the standard staff messages, per language, with
 * a preview rendered by the real template, the versions saved, and a revert. Which template and
 * language are open is in the query string (names from fixed lists, never personal data).
 */
export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string; locale?: string }>;
}) {
  const staff = await requireStaffPage('templates.manage', '/admin/templates');
  const query = await searchParams;
  const template = editableTemplate(query.template ?? '') ?? EDITABLE_TEMPLATES[0]!;
  const locale: Locale = isLocale(query.locale) ? query.locale : 'en';
  const [versions, inUse] = await Promise.all([
    listTemplateVersions({ staff, template: template.name, locale }),
    currentTemplateVersions({ staff }),
  ]);
  const current = versions[0];
  const catalog = messagesOf(locale);
  const messages: EditorMessage[] = template.keys.map((key) => {
    const original = catalog[key] ?? '';
    return {
      key,
      original,
      value: current?.messages[key as MessageKey] ?? original,
      locked: isLockedMessage(key) ? (lockedSourceOf(key) ?? 'Required by law') : null,
      variables: placeholdersOf(original).map((name) => ({ name, help: VARIABLE_HELP[name] ?? '' })),
    };
  });
  const preview = await previewTemplate({
    staff,
    input: { template: template.name, locale, messages: current?.messages ?? {} },
  });
  const sampleNotices = template.regimeNotices
    ? ((samplePropsOf(template.name as TemplateName).notices as string[] | undefined) ?? [])
    : [];
  return (
    <>
      <h1>Email templates</h1>
      <p>
        Reword what the requester reads, per language. Your words replace the catalog’s in every email sent from then
        on; each email records the version it was written with. Messages the law requires are locked and always sent.
      </p>
      <form method="get" action="/admin/templates" className="admin-panel admin-row">
        <div className="admin-field">
          <label htmlFor="choose-template">Template</label>
          <select id="choose-template" name="template" defaultValue={template.name}>
            {EDITABLE_TEMPLATES.map((t) => (
              <option key={t.name} value={t.name}>
                {t.label}
                {LOCALES.some((l) => inUse.has(`${t.name}:${l}`)) ? ' (edited)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor="choose-locale">Language</label>
          <select id="choose-locale" name="locale" defaultValue={locale}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
                {inUse.has(`${template.name}:${l}`) ? ` (version ${inUse.get(`${template.name}:${l}`)})` : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="admin-button admin-button--secondary">
          Open
        </button>
      </form>
      <h2>
        {template.label} <span lang={locale}>({languageName(locale)})</span>
      </h2>
      <p className="admin-hint">
        {template.description} In use: {current ? `version ${current.version}` : 'the catalog’s words (version 0)'}.
      </p>
      <TemplateEditor
        key={`${template.name}:${locale}`}
        version={current?.version ?? 0}
        template={template.name}
        locale={locale}
        messages={messages}
        initialPreview={preview}
        regimeNotices={sampleNotices}
        hasRegimeNotices={Boolean(template.regimeNotices)}
      />
      <section aria-labelledby="versions-title" className="admin-panel">
        <h2 id="versions-title">Versions</h2>
        {versions.length === 0 ? (
          <p className="admin-muted">Never edited in this language: the catalog’s words are in use.</p>
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Saved versions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">Messages edited</th>
                  <th scope="col">Revert</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v, index) => (
                  <tr key={v.version}>
                    <th scope="row">
                      {v.version}
                      {index === 0 ? ' (in use)' : ''}
                      {v.revertedFrom !== null ? ` — revert to ${v.revertedFrom}` : ''}
                    </th>
                    <td>{dateTime.format(v.createdAt)} UTC</td>
                    <td>{v.savedBy}</td>
                    <td>{Object.keys(v.messages).length || 'none (catalog’s words)'}</td>
                    <td>
                      {index === 0 ? null : (
                        <RevertButton template={template.name} locale={locale} version={v.version} />
                      )}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">0</th>
                  <td colSpan={3}>The catalog’s words</td>
                  <td>
                    <RevertButton template={template.name} locale={locale} version={0} />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
