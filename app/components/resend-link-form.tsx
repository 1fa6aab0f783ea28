import { NOTICES, type NoticeKey } from '@/app/(public)/notices';
import { SubmitButton } from './submit-button';

/**
 * "Send the email again": a plain form posting its hidden fields to a route handler, which sends
 * the browser back with a notice. The same with or without JavaScript.
 */
export function ResendLinkForm({
  action,
  hiddenFields,
  buttonLabel,
  notice,
}: {
  action: string;
  hiddenFields: Record<string, string>;
  buttonLabel: string;
  notice?: NoticeKey;
}) {
  const shown = notice ? NOTICES[notice] : undefined;
  return (
    <form action={action} method="post">
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div role="status" aria-live="polite">
        {shown?.tone === 'success' && (
          <div className="notice notice--success">
            <p>{shown.message}</p>
          </div>
        )}
      </div>
      <div role="alert">
        {shown?.tone === 'error' && (
          <div className="notice notice--error">
            <p>{shown.message}</p>
          </div>
        )}
      </div>
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        {buttonLabel}
      </SubmitButton>
    </form>
  );
}
