/** COL-1 notification kinds; each user may turn each one off per channel. */
export const NOTIFICATION_KINDS = [
  'ticket_recorded',
  'assigned',
  'transferred',
  'escalated',
  'approval_needed',
  'sla_warning',
  'sla_breached',
  'awaiting_verification',
  'request_refused',
  'closed',
  'release_deployed',
  'release_rolled_back',
  'problem_change_rolled_back',
  'security_incident',
  'regulatory_deadline',
  'asset_approval_needed',
  'asset_review_due',
  'certificate_expiring',
  'sign_in_failures',
  'offboarding_reminder',
  'erasure_certificate',
  'agreement_proposed',
  'webhook_paused',
  'cbm_shared',
  'cbm_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who is told about what, as data: the recipients rule of each kind. */
export type RecipientRule =
  | 'creator'
  | 'assignee_or_group'
  | 'holder_desk'
  | 'owner_desk'
  | 'level_managers'
  | 'other_parties_desks'
  | 'awaited_parties'
  | 'release_managers';

export const RECIPIENTS: Record<NotificationKind, RecipientRule[]> = {
  ticket_recorded: ['creator'],
  assigned: ['assignee_or_group'],
  transferred: ['holder_desk'],
  escalated: ['level_managers', 'assignee_or_group'],
  approval_needed: ['awaited_parties'],
  sla_warning: ['assignee_or_group', 'holder_desk'],
  sla_breached: ['assignee_or_group', 'holder_desk'],
  awaiting_verification: ['owner_desk'],
  // REQ-2: a refused request is back with its owning desk, which closes it.
  request_refused: ['owner_desk'],
  closed: ['creator', 'other_parties_desks'],
  release_deployed: ['owner_desk', 'other_parties_desks', 'release_managers'],
  release_rolled_back: ['owner_desk', 'other_parties_desks', 'release_managers'],
  // The owner of a closed problem decides whether a new problem is needed.
  problem_change_rolled_back: ['owner_desk'],
  security_incident: ['awaited_parties'],
  regulatory_deadline: ['awaited_parties'],
  // Not caused by ticket events: sent to the parties' stewards by services/assets (ISM-1, ISM-3).
  asset_approval_needed: [],
  asset_review_due: [],
  // Not caused by ticket events: sent to the owning party's security officers and administrators by jobs/certificate-checks (ISM-7).
  certificate_expiring: [],
  // Not caused by ticket events: sent to the account's owner by services/auth/sign-in (ISM-8).
  sign_in_failures: [],
  // AUD-4, sent by services/export/offboarding: the leaving party's administrators, then both parties' administrators and auditors.
  offboarding_reminder: [],
  erasure_certificate: [],
  // Not caused by ticket events: sent to the awaited parties' administrators (services/agreements)
  // and to a paused webhook's party administrators (services/webhooks).
  agreement_proposed: [],
  webhook_paused: [],
  // Not caused by ticket events: sent by services/cbm to the parties concerned (CBM-1 … CBM-6).
  cbm_shared: [],
  cbm_due: [],
};

/** The notification a timeline event gives rise to, if any. */
export function notificationFor(kind: string, data: Record<string, unknown>): NotificationKind | null {
  switch (kind) {
    case 'created':
      return 'ticket_recorded';
    case 'assigned':
      return 'assigned';
    case 'transferred':
      return 'transferred';
    case 'escalated':
    case 'disagreement_recorded':
      return 'escalated';
    case 'sla_warning':
      return 'sla_warning';
    case 'sla_breached':
      return 'sla_breached';
    case 'closed':
      return 'closed';
    case 'approval_requested':
      return 'approval_needed';
    case 'security_alert':
      return 'security_incident';
    case 'regulatory_reminder':
      return 'regulatory_deadline';
    case 'deployed':
      return 'release_deployed';
    case 'rolled_back':
      return 'release_rolled_back';
    case 'change_rolled_back':
      return 'problem_change_rolled_back';
    case 'status_changed':
      if (data.to === 'resolved' || data.to === 'fulfilled') return 'awaiting_verification';
      if (data.to === 'refused' && data.action === 'refuse') return 'request_refused';
      return data.to === 'closed' && data.action !== 'close' ? 'closed' : null;
    default:
      return null;
  }
}
