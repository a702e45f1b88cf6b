import { ACTION_CONTRACTS, type ActionContract } from '../../../../contract/actions.ts';
import type { Lang } from '../../../../domain/lang.ts';
import { errorMessage } from '../../../../i18n/messages.ts';
import { describeIssue } from '../../../../i18n/validation.ts';
import { ApiError } from '../../api.ts';

const CONTRACTS: Partial<Record<string, ActionContract>> = ACTION_CONTRACTS;

/**
 * Checks an action's body against the very schema the server validates it with
 * (src/contract/actions.ts) before sending: null when it passes, else an error naming every
 * offending field with the message the server would give, in the user's language.
 */
export function validateAction(action: string, body: Record<string, unknown>, lang: Lang): ApiError | null {
  const contract = CONTRACTS[action];
  if (!contract) return null;
  const result = contract.body.safeParse(body);
  if (result.success) return null;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'body';
    fieldErrors[field] ??= errorMessage('validation.invalid', lang, {
      field,
      detail: describeIssue(lang, issue.code, { ...issue }, issue.message),
    });
  }
  const [field, message] = Object.entries(fieldErrors)[0]!;
  return new ApiError(400, 'validation.invalid', message, field, fieldErrors);
}
