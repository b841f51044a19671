/** The message under a refused input; the input points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <span id={id} className="adm-field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </span>
  );
}
