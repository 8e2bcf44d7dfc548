import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';

/** What a control inside a `Field` spreads: its id, and the links that read its hint and error out. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * One labelled input with its hint and its error (issue #16): the error is the form's own (`useFormContext`,
 * the shared schema's message or the server's `fields[]` placed by `applyServerErrors`) unless `error` is given.
 * `id` defaults to `name`; pass one when the same field appears twice on a page.
 */
export function Field({
  name,
  label,
  hint,
  error,
  id = name,
  className,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const form = useFormContext();
  const message = error ?? fieldMessage(form?.formState.errors, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': message ? true : undefined,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
      })}
      {message && (
        <p id={errorId} className="field__error">
          {message}
        </p>
      )}
    </div>
  );
}

/** The message at `a.b.0`-style path in react-hook-form's nested errors, if any. */
function fieldMessage(errors: Record<string, unknown> | undefined, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}
