/** The message under one field; its id is what the field's aria-describedby points to. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {messages.join(' ')}
    </p>
  );
}
