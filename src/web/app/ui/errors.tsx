import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';

/** The message of an error for a user: the server's (already translated) or a generic one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) return error.code === 'network.error' ? t('error.network') : error.message;
    return t('error.unexpected');
  };
}

const names = (named: string, field: string) =>
  named === field || named.endsWith('.' + field) || named.startsWith(field + '.');

/** The fields an error names: each checked one, else the server's one. */
function namedFields(error: ApiError): string[] {
  if (error.fieldErrors) return Object.keys(error.fieldErrors);
  return error.field ? [error.field] : [];
}

/** True when the error names `field` (the server may prefix nested fields, e.g. `checklist.x`). */
export function isFieldError(error: unknown, field: string): boolean {
  return error instanceof ApiError && namedFields(error).some((named) => names(named, field));
}

/** The message to show next to `field`, when the error is about it. */
export function useFieldError(error: unknown): (field: string) => string | undefined {
  const text = useErrorText();
  return (field) => {
    if (!(error instanceof ApiError)) return undefined;
    const named = namedFields(error).find((n) => names(n, field));
    if (named === undefined) return undefined;
    return error.fieldErrors?.[named] ?? text(error);
  };
}

interface Props {
  error: unknown;
  /** Fields that show their own error; an error about one of them is not repeated here. */
  fields?: readonly string[];
}

/** A form-level error (role="alert"), unless a field of the form already shows it. */
export function FormError({ error, fields = [] }: Props) {
  const text = useErrorText();
  if (!error) return null;
  // Shown here unless every field the error names shows its own message.
  const named = error instanceof ApiError ? namedFields(error) : [];
  if (named.length > 0 && named.every((n) => fields.some((field) => names(n, field)))) return null;
  return (
    <p className="alert alert--error" role="alert">
      {text(error)}
    </p>
  );
}

/** The message to show next to `field` only when the error names exactly that field (no prefix matching). */
export function useExactFieldError(error: unknown): (field: string) => string | undefined {
  const text = useErrorText();
  return (field) => {
    if (!(error instanceof ApiError)) return undefined;
    if (error.fieldErrors) return error.fieldErrors[field];
    return error.field === field ? text(error) : undefined;
  };
}

/** An error shown where it happened, next to the buttons that caused it (a table row's actions). */
export function InlineError({ error }: { error: unknown }) {
  const text = useErrorText();
  if (error === null) return null;
  return (
    <p className="field-error" role="alert">
      {text(error)}
    </p>
  );
}
