'use client';

/**
 * Fills a message field with the standard message (admins word them under Email templates, in the
 * request's language) for the reason chosen in `reasonField`, or the one `messageKey`. With
 * JavaScript only; staff can change the words before sending.
 */
export function StandardMessageButton({
  target,
  messages,
  prefix,
  reasonField,
  messageKey,
}: {
  target: string;
  messages: Record<string, string>;
  prefix?: string;
  reasonField?: string;
  messageKey?: string;
}) {
  const fill = () => {
    const reason = reasonField ? (document.getElementById(reasonField) as HTMLSelectElement | null)?.value : null;
    const key = messageKey ?? `${prefix}${reason ?? ''}`;
    const field = document.getElementById(target) as HTMLTextAreaElement | null;
    const text = messages[key];
    if (!field || !text) return;
    field.value = text;
    field.focus();
  };
  return (
    <button type="button" className="admin-button admin-button--secondary" onClick={fill}>
      Use the standard message
    </button>
  );
}
