/** The message under one field; its id is what the field's aria-describedby points to. */
export function FieldError({
  id,
  messages,
  prefix = 'Error: ',
}: {
  id: string;
  messages?: string[];
  /** What a screen reader hears first, in the page's language. */
  prefix?: string;
}) {
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">{prefix}</span>
      {messages.join(' ')}
    </p>
  );
}
