'use client';

/**
 * The editor of one template in one language. Without JavaScript, "Preview" and "Save" post the form
 * to their server actions and the page comes back with the outcome (React's progressive enhancement
 * of `useActionState`); with it, the same preview action runs shortly after each change, so the
 * preview follows the typing. Both actions check the words the same way: a draft that would be
 * refused on save shows its errors in the preview too.
 */
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '@/app/components/field-error';
import type { ActionResult } from '@/lib/auth/staff-action';
import { previewTemplateAction, saveTemplateAction } from '../../template-actions';
import { FormResult } from '../../action-form';

export type EditorMessage = {
  key: string;
  original: string;
  value: string;
  /** The rule requiring its words, when locked. */
  locked: string | null;
  variables: { name: string; help: string }[];
};

type Preview = { subject: string; html: string };
type Result = ActionResult<unknown> | null;

const fieldId = (key: string) => `message-${key.replaceAll('.', '-')}`;
const PREVIEW_DELAY_MS = 400;

export function TemplateEditor(props: {
  /** The version in use: when a save or revert changes it, the fields and preview show its words. */
  version: number;
  template: string;
  locale: string;
  messages: EditorMessage[];
  initialPreview: Preview;
  regimeNotices: string[];
  hasRegimeNotices: boolean;
}) {
  const [saved, saveAction, saving] = useActionState<Result, FormData>(saveTemplateAction, null);
  const [previewed, previewAction] = useActionState<Result, FormData>(previewTemplateAction, null);
  // Which action ran last (null: none yet, or the page came back from a post without JavaScript).
  const [last, setLast] = useState<'save' | 'preview' | null>(null);
  const [preview, setPreview] = useState<Preview>(props.initialPreview);
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shownVersion = useRef(props.version);

  useEffect(() => {
    if (previewed?.ok && previewed.data) setPreview(previewed.data as Preview);
  }, [previewed]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // The page re-rendered with another version (a save, a revert): show its words, keep the outcome.
  const initialPreview = useRef(props.initialPreview);
  initialPreview.current = props.initialPreview;
  const { version } = props;
  useEffect(() => {
    if (version === shownVersion.current) return;
    shownVersion.current = version;
    formRef.current?.reset();
    setPreview(initialPreview.current);
  }, [version]);

  // Without JavaScript only one of the two has a result; with it, the one that ran last speaks.
  const outcome = (last === 'preview' ? previewed : saved) ?? saved ?? previewed;
  const errors = (key: string) => (outcome && !outcome.ok ? outcome.fields?.[key] : undefined);
  const shownPreview = last !== 'save' && previewed?.ok && previewed.data ? (previewed.data as Preview) : preview;

  const run = (intent: 'save' | 'preview', form: HTMLFormElement) => {
    // A preview still waiting for the typing to pause would hide the save's outcome: it is dropped.
    clearTimeout(timer.current);
    setLast(intent);
    const data = new FormData(form);
    startTransition(() => (intent === 'save' ? saveAction(data) : previewAction(data)));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    run(submitter?.value === 'save' ? 'save' : 'preview', event.currentTarget);
  };
  const onInput = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => formRef.current && run('preview', formRef.current), PREVIEW_DELAY_MS);
  };

  return (
    <div className="admin-template-editor">
      <form
        ref={formRef}
        method="post"
        action={previewAction}
        onSubmit={onSubmit}
        onInput={onInput}
        className="admin-panel"
      >
        <input type="hidden" name="template" value={props.template} />
        <input type="hidden" name="locale" value={props.locale} />
        <FormResult result={last === 'preview' && previewed?.ok ? null : outcome} />
        {props.messages.map((m) =>
          m.locked ? (
            <div key={m.key} className="admin-field" data-testid={`locked-${m.key}`}>
              <p>
                <strong>
                  <code>{m.key}</code> — locked
                </strong>
              </p>
              <p className="admin-locked" lang={props.locale}>
                {m.original}
              </p>
              <p className="admin-hint">Required by {m.locked}. Always sent, never editable.</p>
            </div>
          ) : (
            <div key={m.key} className={errors(m.key)?.length ? 'admin-field admin-field--error' : 'admin-field'}>
              <label htmlFor={fieldId(m.key)}>
                <code>{m.key}</code>
              </label>
              <p className="admin-hint" id={`${fieldId(m.key)}-hint`}>
                {m.variables.length === 0
                  ? 'No variables.'
                  : `Variables (each must stay): ${m.variables.map((v) => (v.help ? `${v.name} ${v.help}` : v.name)).join('; ')}.`}
              </p>
              <FieldError id={`${fieldId(m.key)}-error`} messages={errors(m.key)} />
              <textarea
                id={fieldId(m.key)}
                name={m.key}
                lang={props.locale}
                rows={Math.min(6, Math.max(2, Math.ceil(m.value.length / 70)))}
                maxLength={4000}
                defaultValue={m.value}
                aria-invalid={errors(m.key)?.length ? true : undefined}
                aria-describedby={[`${fieldId(m.key)}-hint`, errors(m.key)?.length && `${fieldId(m.key)}-error`]
                  .filter(Boolean)
                  .join(' ')}
              />
            </div>
          ),
        )}
        {props.hasRegimeNotices && (
          <div className="admin-field" data-testid="locked-regime-notices">
            <p>
              <strong>The regime’s notices — locked</strong>
            </p>
            <p className="admin-hint">
              Added after your words to every refusal, for the requester’s regime (right to complain, to go to court, to
              appeal). For example:
            </p>
            {props.regimeNotices.map((n) => (
              <p key={n} className="admin-locked" lang="en">
                {n}
              </p>
            ))}
          </div>
        )}
        <div className="admin-actions">
          <button type="submit" name="intent" value="preview" className="admin-button admin-button--secondary">
            Preview
          </button>
          <button
            type="submit"
            name="intent"
            value="save"
            formAction={saveAction}
            className="admin-button admin-button--primary"
            disabled={saving}
          >
            Save as a new version
          </button>
        </div>
      </form>
      <section aria-labelledby="preview-title" className="admin-panel">
        <h2 id="preview-title">Preview</h2>
        <p className="admin-hint">Rendered by the real email with sample data. Nothing is sent.</p>
        <p>
          Subject: <strong data-testid="preview-subject">{shownPreview.subject}</strong>
        </p>
        <iframe
          title="Preview of the email"
          srcDoc={shownPreview.html}
          sandbox=""
          className="admin-email-preview"
          data-testid="preview-frame"
        />
      </section>
    </div>
  );
}
