import { ApiError } from '../../api.ts';

/** Does the error's field `named` concern the form field `field` (the server may prefix nested fields)? */
export const concerns = (named: string, field: string) =>
  named === field || named.endsWith('.' + field) || named.startsWith(field + '.');

/**
 * Every field an error names with its message: the ones the console checked before sending,
 * else the server's single field. `fallback` is the message of a server error.
 */
export function errorsByField(error: unknown, fallback: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.fieldErrors) return { ...error.fieldErrors };
  return error.field ? { [error.field]: fallback } : {};
}

/** The message for form field `field` among `errors`, if one concerns it. */
export function messageFor(errors: Record<string, string>, field: string): string | undefined {
  const named = Object.keys(errors).find((n) => concerns(n, field));
  return named === undefined ? undefined : errors[named];
}
