'use client';

import { revertTemplateAction } from '../../template-actions';
import { FormResult, useActionForm } from '../../action-form';

/** One version's revert: saves its words again as the newest version (the history is kept). */
export function RevertButton({ template, locale, version }: { template: string; locale: string; version: number }) {
  const { result, formAction, pending, onSubmit } = useActionForm(revertTemplateAction);
  return (
    <form method="post" action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="template" value={template} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="admin-button admin-button--secondary" disabled={pending}>
        {version === 0 ? 'Back to the catalog’s words' : `Revert to version ${version}`}
      </button>
      <FormResult result={result} />
    </form>
  );
}
