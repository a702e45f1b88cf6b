import { ACTION_CONTRACTS, type ActionContract } from '../../../../contract/actions.ts';
import type { Lang } from '../../../../domain/lang.ts';
import { errorMessage } from '../../../../i18n/messages.ts';
import { ApiError } from '../../api.ts';
import { issueText } from '../../ui/form/issueText.ts';

const CONTRACTS: Partial<Record<string, ActionContract>> = ACTION_CONTRACTS;

/**
 * Checks an action's body against the very schema the server validates it with
 * (src/contract/actions.ts) before sending: null when it passes, else an error naming every
 * offending field, each with a short message in the user's language (the form shows it next to
 * the field and, with the field's label, in its error summary).
 */
export function validateAction(action: string, body: Record<string, unknown>, lang: Lang): ApiError | null {
  const contract = CONTRACTS[action];
  if (!contract) return null;
  const result = contract.body.safeParse(body);
  if (result.success) return null;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'body';
    // What the field held (zod does not report it): an empty field is "to fill in", not "too short".
    const input = issue.path.reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
      body,
    );
    // zod's issue union carries the fields issueText reads (code, minimum, maximum, origin…) under the same names.
    fieldErrors[field] ??= issueText(lang, { ...(issue as Parameters<typeof issueText>[1]), input });
  }
  const [field, message] = Object.entries(fieldErrors)[0]!;
  return new ApiError(
    400,
    'validation.invalid',
    errorMessage('validation.invalid', lang, { field, detail: message }),
    field,
    fieldErrors,
  );
}

/** The fields still wrong in `body` (field → message), or null when it passes: a shown error goes once fixed. */
export function stillInvalid(action: string, body: Record<string, unknown>, lang: Lang): Record<string, string> | null {
  return validateAction(action, body, lang)?.fieldErrors ?? null;
}
