import type { Role } from './roles.ts';
import type { TicketType } from './ticket-types.ts';
import { CHANGE_LIFECYCLE } from './lifecycles/change.ts';
import { PROBLEM_LIFECYCLE } from './lifecycles/problem.ts';
import { RELEASE_LIFECYCLE } from './lifecycles/release.ts';
import { REQUEST_LIFECYCLE } from './lifecycles/request.ts';
import { SECURITY_LIFECYCLE } from './lifecycles/security.ts';
import { INCIDENT_LIFECYCLE } from './lifecycles/incident.ts';
import { CONSULTATION_LIFECYCLE } from './lifecycles/consultation.ts';

/**
 * Who, relative to the ticket, may fire an action:
 * - owner: the party whose desk registered the ticket (PARTY-2);
 * - holder: the party the ticket is currently with (after a transfer, PARTY-3);
 * - worker: the owner or the holder;
 * - participant: any party on the ticket;
 * - a gate: a party whose decision is awaited (approver, reviewer, window partner) or who
 *   holds an open task (tasked), or who is asked to consult and has not answered yet
 *   (consulted), per the ticket's own records.
 */
export const GATES = ['approver', 'reviewer', 'window_partner', 'tasked', 'consulted'] as const;
export type Gate = (typeof GATES)[number];
export type Standing = 'owner' | 'holder' | 'worker' | 'participant' | Gate;

export interface ActionRule {
  /** States from which the action may be fired. */
  from: readonly string[];
  /** State after the action: one state, or a state per starting state (absent: unchanged). */
  to?: string | Readonly<Record<string, string>>;
  standing: Standing;
  roles: readonly Role[];
}

export interface Lifecycle {
  initial: string;
  states: readonly string[];
  final: readonly string[];
  actions: Readonly<Record<string, ActionRule>>;
}

/**
 * Every action name a lifecycle may declare, in the order the console offers them (anything it does not
 * know comes last); the API has one route per action.
 */
export const TICKET_ACTIONS = [
  'comment',
  'assign',
  'transfer',
  'escalate',
  // Problems.
  'link_incident',
  'record_root_cause',
  'publish_known_error',
  // Incidents.
  'record_known_error',
  'pend',
  'resume',
  'resolve',
  'reject_resolution',
  // Requests.
  'request_approval',
  'start_fulfilment',
  'complete_task',
  'forward_task',
  'reject_fulfilment',
  // Changes.
  'assess',
  'submit',
  'review_assessment',
  'approve',
  'refuse',
  'reject',
  'review_implementation',
  // Releases.
  'add_change',
  'remove_change',
  'record_plan',
  'start_build',
  'record_build_test',
  'prepare_deployment',
  'record_deployment',
  'propose_window',
  'accept_window',
  'refuse_window',
  'approve_deployment',
  'deploy',
  'rollback',
  'restart',
  'tick_checklist',
  // Security incidents.
  'form_team',
  'characterise',
  'record_analysis',
  'contain',
  'recover',
  'issue_response_report',
  'notify_authority',
  'issue_final_report',
  'add_follow_up',
  'complete_follow_up',
  'record_indicator',
  'verify',
  'close',
  'update',
  'record_recurrence',
  'declare_security_incident',
  // PARTY-4.
  'record_disagreement',
  'decide_disagreement',
  // Consultations (CBM-5).
  'acknowledge',
  'answer',
  'record_outcome',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

const LIFECYCLES: Partial<Record<TicketType, Lifecycle>> = {
  incident: INCIDENT_LIFECYCLE,
  security: SECURITY_LIFECYCLE,
  problem: PROBLEM_LIFECYCLE,
  request: REQUEST_LIFECYCLE,
  change: CHANGE_LIFECYCLE,
  release: RELEASE_LIFECYCLE,
  consultation: CONSULTATION_LIFECYCLE,
};

/** The lifecycle of a ticket type. */
export function lifecycleOf(type: TicketType): Lifecycle {
  const lifecycle = LIFECYCLES[type];
  if (!lifecycle) throw new Error(`no lifecycle for ${type}`);
  return lifecycle;
}

export interface ActorStanding {
  party: string;
  roles: readonly Role[];
}

export interface TicketPosition {
  status: string;
  ownerParty: string;
  holderParty: string;
  participants: readonly string[];
  /** Parties whose decision or task is awaited, per gate (from the ticket's details). */
  gates?: Partial<Record<Gate, readonly string[]>>;
}

/** The standings an actor's party has on a ticket. */
export function standingsOf(actor: ActorStanding, ticket: TicketPosition): Set<Standing> {
  const standings = new Set<Standing>();
  if (actor.party === ticket.ownerParty) standings.add('owner');
  if (actor.party === ticket.holderParty) standings.add('holder');
  if (actor.party === ticket.ownerParty || actor.party === ticket.holderParty) standings.add('worker');
  if (actor.party === ticket.ownerParty || ticket.participants.includes(actor.party)) standings.add('participant');
  for (const gate of GATES) if (ticket.gates?.[gate]?.includes(actor.party)) standings.add(gate);
  return standings;
}

/** The state a ticket moves to when `action` is fired from `status` (the same when unchanged). */
export function nextState(lifecycle: Lifecycle, action: TicketAction, status: string): string {
  const to = lifecycle.actions[action]?.to;
  if (to === undefined) return status;
  return typeof to === 'string' ? to : (to[status] ?? status);
}

/** Why an action may not be fired now, or null when it may. */
export function refusalOf(
  lifecycle: Lifecycle,
  action: TicketAction,
  actor: ActorStanding,
  ticket: TicketPosition,
): 'transition_invalid' | 'action_not_allowed' | null {
  const rule = lifecycle.actions[action];
  if (!rule || !rule.from.includes(ticket.status)) return 'transition_invalid';
  if (!standingsOf(actor, ticket).has(rule.standing)) return 'action_not_allowed';
  if (!rule.roles.some((role) => actor.roles.includes(role))) return 'action_not_allowed';
  return null;
}

/** The actions an actor may fire on a ticket now; the console shows exactly these. */
export function allowedActions(lifecycle: Lifecycle, actor: ActorStanding, ticket: TicketPosition): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => refusalOf(lifecycle, action, actor, ticket) === null);
}
