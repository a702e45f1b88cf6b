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

/** True when the error names `field` (the server may prefix nested fields, e.g. `checklist.x`). */
export function isFieldError(error: unknown, field: string): boolean {
  if (!(error instanceof ApiError) || !error.field) return false;
  return error.field === field || error.field.endsWith('.' + field) || error.field.startsWith(field + '.');
}

/** The message to show next to `field`, when the error is about it. */
export function useFieldError(error: unknown): (field: string) => string | undefined {
  const text = useErrorText();
  return (field) => (isFieldError(error, field) ? text(error) : undefined);
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
  if (fields.some((field) => isFieldError(error, field))) return null;
  return (
    <p className="alert alert--error" role="alert">
      {text(error)}
    </p>
  );
}

/** The message to show next to `field` only when the error names exactly that field (no prefix matching). */
export function useExactFieldError(error: unknown): (field: string) => string | undefined {
  const text = useErrorText();
  return (field) => (error instanceof ApiError && error.field === field ? text(error) : undefined);
}
