import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useErrorText } from '../errors.tsx';
import { ErrorSummary, type RegisteredField } from './ErrorSummary.tsx';
import { FormFieldsContext, type FormFields } from './FormContext.ts';
import { errorsByField, messageFor } from './fieldErrors.ts';
import { SubmitRow } from './SubmitRow.tsx';

export interface FormShellProps {
  title?: string | undefined;
  /** The form's accessible name when it shows no title. */
  ariaLabel?: string | undefined;
  /** Escape cancels (an inline form in a list row). */
  cancelOnEscape?: boolean;
  /** Heading level of the title (2 for a page's form, 3 for a form inside a section). */
  level?: 2 | 3;
  className?: string | undefined;
  onSubmit(): void;
  /** The last error: the console's own check (every field at once) or the server's answer. */
  error: unknown;
  busy: boolean;
  /** The submit button's text; none = the children submit by themselves. */
  submitLabel?: string | undefined;
  danger?: boolean | undefined;
  /** The submit button is disabled (nothing to send yet). */
  disabled?: boolean | undefined;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string | undefined;
  /**
   * The console's check of what the fields hold now (field → message, null when it passes):
   * an error shown from the last check disappears as soon as its field is fixed.
   */
  recheck?: (() => Record<string, string> | null) | undefined;
  /** Shown above the fields (a success message…). */
  status?: ReactNode;
  /** More buttons in the submit row. */
  buttons?: ReactNode;
  onKeyDown?: ((event: KeyboardEvent<HTMLFormElement>) => void) | undefined;
  formRef?: Ref<HTMLFormElement> | undefined;
  id?: string | undefined;
  children?: ReactNode;
}

/**
 * Every console form: title, one summary of all errors (each named by its field's label), the
 * fields (each `Field name=…` shows its own error), the submit row. An error about a field the
 * user has since changed is dropped — at once for a server error, once fixed for the console's check.
 */
export function FormShell(props: FormShellProps) {
  const { title, level = 2, className = 'form', error, busy, recheck, children } = props;
  const titleId = useId();
  const errorText = useErrorText();
  const [fields, setFields] = useState<ReadonlyMap<string, RegisteredField>>(new Map());
  const [edited, setEdited] = useState<{ error: unknown; names: ReadonlySet<string> }>({ error, names: new Set() });
  const names = edited.error === error ? edited.names : new Set<string>();
  const errorsRef = useRef<Record<string, string>>({});

  const base = errorsByField(error, error ? errorText(error) : '');
  const checked = recheck && error && Object.keys(base).length > 0 && isConsoleCheck(error) ? recheck() : undefined;
  const errors: Record<string, string> = {};
  for (const [named, message] of Object.entries(base)) {
    if (checked !== undefined) {
      const still = checked?.[named];
      if (still) errors[named] = still;
    } else if (![...names].some((n) => named === n || named.startsWith(n + '.'))) errors[named] = message;
  }
  errorsRef.current = errors;
  const general = error && Object.keys(base).length === 0 ? errorText(error) : undefined;

  const register = useCallback((name: string, label: string, id: string) => {
    setFields((previous) => {
      const current = previous.get(name);
      if (current?.label === label && current.id === id) return previous;
      return new Map(previous).set(name, { label, id });
    });
    return () =>
      setFields((previous) => {
        const next = new Map(previous);
        next.delete(name);
        return next;
      });
  }, []);
  const context = useMemo<FormFields>(
    () => ({ errorFor: (name) => messageFor(errorsRef.current, name), register }),
    // A new context on every error change so fields re-render with their message.
    [register, JSON.stringify(errors)],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit();
  }

  function changed(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (name && !names.has(name)) setEdited({ error, names: new Set(names).add(name) });
  }

  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <form
      ref={props.formRef}
      id={props.id}
      className={className}
      aria-labelledby={title ? titleId : undefined}
      aria-label={title ? undefined : props.ariaLabel}
      onSubmit={submit}
      onChange={changed}
      onKeyDown={
        props.onKeyDown ??
        (props.cancelOnEscape && props.onCancel ? (e) => e.key === 'Escape' && props.onCancel?.() : undefined)
      }
      noValidate
    >
      {title && <Heading id={titleId}>{title}</Heading>}
      {props.status}
      <ErrorSummary errors={errors} general={general} fields={fields} />
      <FormFieldsContext.Provider value={context}>{children}</FormFieldsContext.Provider>
      <SubmitRow
        busy={busy}
        label={props.submitLabel}
        danger={props.danger}
        disabled={props.disabled}
        onCancel={props.onCancel}
        cancelLabel={props.cancelLabel}
      >
        {props.buttons}
      </SubmitRow>
    </form>
  );
}

/** True for the console's own check (it names every field at once), false for a server answer. */
function isConsoleCheck(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'fieldErrors' in error && Boolean(error.fieldErrors);
}

/** Focus moves to the summary's first link when a submit fails, so the user hears every error. */
export function useFocusOnError(error: unknown, form: { current: HTMLFormElement | null }): void {
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('.error-summary a, [aria-invalid=true]')?.focus();
  }, [error, form]);
}
