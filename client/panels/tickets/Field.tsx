import "./base.css";
import type { ReactNode } from "react";

/** A labelled form field with its error (or hint) under it, linked for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  error?: string | null;
  hint?: string | null;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={`field${props.error ? " field--invalid" : ""}${props.className ? ` ${props.className}` : ""}`}
    >
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.error ? (
        <p className="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : (
        props.hint && (
          <p className="field__hint" id={`${props.id}-hint`}>
            {props.hint}
          </p>
        )
      )}
    </div>
  );
}

/** aria attributes for the input inside a Field. */
export function describedBy(id: string, error?: string | null, hint?: string | null) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/** The error line at the top of a form (server refusals that name no field). */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
