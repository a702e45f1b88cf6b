import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import { errorMessage } from '../i18n/messages.ts';
import { describeIssue } from '../i18n/validation.ts';
import { requestLang } from './lang.ts';

/** HTTP status of each error code; anything unlisted is a 400. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  'auth.required': 401,
  'user.inactive': 409,
  'account_link.invalid': 410,
  'group.exists': 409,
  'sso.not_configured': 404,
  'sso.provider_error': 502,
  'sso.state_invalid': 400,
  'sso.token_invalid': 401,
  'sso.unmapped_role': 403,
  'sso.unmapped_clearance': 403,
  'sso.wrong_party': 403,
  'sso.no_account': 403,
  'auth.invalid_credentials': 401,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  'auth.token_invalid': 401,
  'auth.csrf': 403,
  'auth.forbidden': 403,
  'cbm.not_found': 404,
  'cbm.version_conflict': 409,
  'cbm.state_invalid': 409,
  'backup.store_not_empty': 409,
  'export.not_ready': 409,
  'agreement.proposal_required': 409,
  'agreement.not_found': 404,
  'agreement.closed': 409,
  'agreement.not_awaited': 403,
  'agreement.decided': 409,
  'agreement.expired': 409,
  'webhook.not_found': 404,
  'webhook.clearance_above_own': 403,
  'webhook.delivery_not_found': 404,
  'offboarding.exists': 409,
  'offboarding.not_found': 404,
  'auth.address_not_allowed': 403,
  'auth.totp_mandatory': 403,
  'auth.rate_limited': 429,
  'ticket.not_found': 404,
  'ticket.version_conflict': 409,
  'ticket.transition_invalid': 409,
  'ticket.closed': 409,
  'ticket.action_not_allowed': 403,
  'ticket.close_forbidden': 403,
  'ticket.sensitivity_too_high': 403,
  'ticket.disagreement_open': 409,
  'ticket.no_disagreement': 409,
  'security.no_open_follow_up': 409,
  'problem.change_not_applied': 409,
  'request.approval_required': 409,
  'change.not_approved': 409,
  'change.in_other_release': 409,
  'change.assessment_required': 409,
  'change.approver_level': 403,
  'release.incomplete': 409,
  'release.window_required': 409,
  'release.outside_window': 409,
  'release.checklist_incomplete': 409,
  'release.rollback_too_late': 409,
  'known_error.not_found': 404,
  'wiki.not_found': 404,
  'wiki.exists': 409,
  'wiki.version_conflict': 409,
  'wiki.version_not_found': 404,
  'wiki.owner_only': 403,
  'wiki.own_party_required': 400,
  'wiki.not_guideline': 409,
  'wiki.not_submitted': 409,
  'known_error.wider_audience': 409,
  'ticket.handover_not_cleared': 409,
  'asset.not_found': 404,
  'asset.version_conflict': 409,
  'asset.approval_not_awaited': 409,
  'asset.retired': 409,
  'catalogue.not_found': 404,
  'catalogue.exists': 409,
  'window.not_found': 404,
  'party.not_found': 404,
  'party.exists': 409,
  'group.not_found': 404,
  'user.not_found': 404,
  'user.exists': 409,
  'token.not_found': 404,
  'view.not_found': 404,
  'view.limit': 409,
  'request.not_found': 404,
  'request.conflict': 409,
  'request.rate_limited': 429,
  'events.too_many_streams': 429,
  'events.too_many_user_streams': 429,
  'events.node_streams_full': 429,
  'request.duplicate': 409,
  'request.allowlist_lockout': 409,
  'request.too_large': 413,
  'request.uri_too_long': 414,
  'request.unsupported_media_type': 415,
  'certificate.not_found': 404,
  'certificate.exists': 409,
  'certificate.ca_not_found': 404,
  'certificate.ca_exists': 409,
  'certificate.untrusted_issuer': 409,
  'certificate.fingerprint_mismatch': 409,
  'certificate.state_invalid': 409,
  'certificate.change_pending': 409,
  'certificate.renewal_not_approved': 409,
  'access_review.not_found': 404,
  'access_review.open_exists': 409,
  'access_review.closed': 409,
  'access_review.decided': 409,
  'access_review.undecided': 409,
  'access_review.own_account': 403,
  'access_review.clearance_above_own': 403,
  'access_review.role_not_grantable': 403,
  'mail.secret_key_missing': 503,
  'mailbox.not_found': 404,
  'mailbox.exists': 409,
  'mailbox.none': 409,
  'mail.not_configured': 503,
  'mail.no_requester': 409,
  'quarantine.not_found': 404,
  'quarantine.decided': 409,
  'attachment.not_found': 404,
  'server.error': 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

/** Sends the one error shape: `{ error: { code, message, field? } }`, message in the caller's language. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = requestLang(request);
  const message = errorMessage(error.code, lang, { field: error.field ?? '', ...error.params });
  return reply
    .status(statusOf(error.code))
    .send({ error: { code: error.code, message, ...(error.field ? { field: error.field } : {}) } });
}

/** The errors the router raises before any route runs (an over-long parameter, a malformed URL). */
export function frameworkError(error: FastifyError): AppError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError('request.uri_too_long');
  if (error.code === 'FST_ERR_BAD_URL')
    return new AppError('validation.invalid', 'url', { field: 'url', detail: 'url' });
  return new AppError('server.error');
}

/** Turns whatever was thrown into a stable coded error; unknown errors are logged and hidden. */
export function toAppError(request: FastifyRequest, error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    // An unknown field (strict bodies): the field named is the unknown one.
    const unknownKey =
      issue?.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] }).keys?.[0] : undefined;
    const base = issue?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
    if (unknownKey !== undefined) {
      const field = base ? `${base}.${unknownKey}` : unknownKey;
      return new AppError('validation.invalid', field, { field, detail: 'unknown_key' });
    }
    const field =
      issue?.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
      String(
        (issue?.params as { missingProperty?: string } | undefined)?.missingProperty ??
          error.validationContext ??
          'body',
      );
    const detail = issue
      ? describeIssue(requestLang(request), issue.keyword, issue.params, issue.message ?? 'invalid')
      : 'invalid';
    return new AppError('validation.invalid', field, { field, detail });
  }
  const code = (error as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new AppError('request.too_large', undefined, { limit: request.routeOptions.bodyLimit });
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('request.unsupported_media_type');
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new AppError('validation.invalid', 'body', { field: 'body', detail: 'json' });
  }
  // Two transactions waited on each other (PostgreSQL broke the deadlock): nothing was written; the caller may retry.
  const sqlState = (error as { code?: unknown }).code;
  if (sqlState === '40P01' || sqlState === '40001') return new AppError('request.conflict');
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500)
    return new AppError('validation.invalid', 'body', { field: 'body', detail: error.message });
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('server.error');
}
