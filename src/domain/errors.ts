/** Stable error codes; http/errors.ts maps each to a status, i18n gives the message. */
export type ErrorCode =
  | 'validation.invalid'
  | 'validation.required'
  | 'auth.required'
  | 'auth.invalid_credentials'
  | 'auth.totp_required'
  | 'auth.totp_invalid'
  | 'auth.totp_mandatory'
  | 'auth.rate_limited'
  | 'auth.csrf'
  | 'auth.token_invalid'
  | 'auth.forbidden'
  | 'ticket.not_found'
  | 'ticket.version_conflict'
  | 'ticket.version_required'
  | 'ticket.action_not_allowed'
  | 'ticket.transition_invalid'
  | 'ticket.close_forbidden'
  | 'ticket.closed'
  | 'ticket.checklist_incomplete'
  | 'ticket.priority_reason_required'
  | 'ticket.sensitivity_too_high'
  | 'ticket.disagreement_open'
  | 'ticket.no_disagreement'
  | 'problem.change_not_applied'
  | 'request.approval_required'
  | 'request.catalogue_item_unknown'
  | 'change.not_approved'
  | 'change.in_other_release'
  | 'change.assessment_required'
  | 'change.approver_level'
  | 'release.incomplete'
  | 'release.window_required'
  | 'release.checklist_incomplete'
  | 'known_error.not_found'
  | 'catalogue.not_found'
  | 'catalogue.exists'
  | 'window.not_found'
  | 'party.not_found'
  | 'party.exists'
  | 'group.not_found'
  | 'user.not_found'
  | 'user.exists'
  | 'token.not_found'
  | 'request.too_large'
  | 'request.unsupported_media_type'
  | 'request.not_found'
  | 'server.error';

/** An expected failure with a stable code, optionally naming the offending field. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
