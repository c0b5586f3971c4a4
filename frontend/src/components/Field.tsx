import { type ReactElement, cloneElement, useId } from "react";

interface FieldProps {
  label: string;
  hint?: string;
  error?: string | null;
  /** One input, select or textarea; it receives id and aria attributes. */
  children: ReactElement<Record<string, unknown>>;
}

/**
 * A labelled form control with its hint and error wired for screen readers: the control is described
 * by both, and an error is announced the moment it appears (role="alert"), whether a submit found it
 * or the server did, and wherever the focus is. Every form shows its field errors through this.
 */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, {
        id,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
      })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
