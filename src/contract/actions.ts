import { z } from 'zod';
import { INCIDENT_CLOSURE_CHECKLIST } from '../domain/checklist.ts';
import type { TicketAction } from '../domain/lifecycle.ts';
import { RELEASE_CHECKLIST, RISKS } from '../domain/processes.ts';
import { FOLLOW_UP_KINDS, LOSS_LEVELS, REGULATORY_STAGES } from '../domain/security.ts';
import { SEVERITIES } from '../domain/taxonomy.ts';
import { Impact, Instant, plain, text, Version } from './schemas.ts';

/**
 * The body of every lifecycle action (`POST /tickets/{id}/actions/{action}`) with its summary for
 * the API document: pure zod and domain, so the server validates with it and the console's forms
 * validate with the very same schemas before sending.
 */
export const v = { version: Version.optional() };
export const reason = text(4000);

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const TicketRef = z.string().trim().min(1).max(64);
const note = plain(4000).optional();
const long = text(20_000);
const Cia = z.enum(['confidentiality', 'integrity', 'availability']);
const Loss = z.enum(LOSS_LEVELS);

export interface ActionContract {
  summary: string;
  body: z.ZodType<object>;
}

export const ACTION_CONTRACTS = {
  comment: {
    summary: 'Comment, internal (owning party only) or shared',
    body: z.object({ ...v, body: text(20_000), visibility: z.enum(['internal', 'shared']) }),
  },
  assign: {
    summary: 'Assign to a group (and person) of the party holding the ticket',
    body: z.object({ ...v, groupId: z.uuid(), assigneeId: z.uuid().optional() }),
  },
  transfer: {
    summary: "Transfer to another party's service desk (PARTY-3)",
    body: z.object({ ...v, party: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/), reason: plain(4000).optional() }),
  },
  escalate: {
    summary: 'Escalate functionally (another group) or hierarchically (next level) (PARTY-4)',
    body: z.discriminatedUnion('mode', [
      z.object({ ...v, mode: z.literal('functional'), groupId: z.uuid(), reason }),
      z.object({ ...v, mode: z.literal('hierarchical'), reason }),
    ]),
  },
  record_known_error: {
    summary:
      'Record the matched known error and the workaround applied (INC-2), or apply a published one by its id (COL-3)',
    body: z.object({
      ...v,
      knownError: text(4000).optional(),
      workaround: text(4000).optional(),
      knownErrorId: z.uuid().optional(),
    }),
  },
  pend: {
    summary: 'Put on hold, waiting on the requester',
    body: z.object({ ...v, reason }),
  },
  resume: {
    summary: 'Take a pending ticket back into work',
    body: z.object({ ...v }),
  },
  resolve: {
    summary: 'Resolve; the incident returns to the registering desk (INC-5)',
    body: z.object({ ...v, resolution: text(20_000) }),
  },
  reject_resolution: {
    summary: 'The reporter says it is not fixed: back into work',
    body: z.object({ ...v, reason }),
  },
  verify: {
    summary: 'The desk confirmed the resolution with the reporter (INC-5)',
    body: z.object({ ...v, note: plain(4000).optional() }),
  },
  close: {
    summary:
      'Close (owning desk only): an incident with the INC-6 checklist, a request once the requester accepts,' +
      ' a problem once its change is applied, a release with its REL-6 checklist ticked',
    body: z.object({
      ...v,
      checklist: z.object(Object.fromEntries(INCIDENT_CLOSURE_CHECKLIST.map((k) => [k, z.boolean()]))).optional(),
      requesterAccepted: z.boolean().optional(),
      note: plain(4000).optional(),
    }),
  },
  record_recurrence: {
    summary: 'Record a recurrence: a new incident linked to this closed one',
    body: z.object({ ...v, title: text(200).optional(), description: plain(20_000).optional() }),
  },
  declare_security_incident: {
    summary: 'Declare a linked security incident, at least ETS SENSITIVE (INC-3)',
    body: z.object({
      ...v,
      title: text(200).optional(),
      description: plain(20_000).optional(),
      sensitivity: z.enum(['SENSITIVE', 'CRITICAL']).optional(),
    }),
  },
  acknowledge: {
    summary: 'Acknowledge a consultation your party is asked for (CBM-5)',
    body: z.object({ ...v }),
  },
  answer: {
    summary: "Give your party's answer to the consultation (CBM-5)",
    body: z.object({ ...v, answer: long }),
  },
  record_outcome: {
    summary: 'Record the outcome of the consultation your party asked for; it is concluded (CBM-5)',
    body: z.object({ ...v, outcome: long }),
  },
  record_disagreement: {
    summary: 'Record a disagreement between the desks; the ticket rises one level (PARTY-4)',
    body: z.object({ ...v, reason }),
  },
  decide_disagreement: {
    summary: 'Decide the open disagreement at the level it rose to (PARTY-4)',
    body: z.object({ ...v, decision: text(4000) }),
  },
  link_incident: {
    summary: 'Link one more incident to the problem; frequency and priority follow (PRB-1)',
    body: z.object({ ...v, incident: TicketRef }),
  },
  record_root_cause: {
    summary: 'Record the root cause and workaround found (PRB-2)',
    body: z.object({ ...v, rootCause: long, workaround: plain(20_000).optional() }),
  },
  publish_known_error: {
    summary: 'Publish the known error to the knowledge base (PRB-2, COL-3)',
    body: z.object({ ...v, symptoms: long, cause: long, workaround: long }),
  },
  request_approval: {
    summary: "Ask the other party's desk to approve the request (REQ-2)",
    body: z.object({ ...v, party: PartyCode.optional(), note }),
  },
  approve: {
    summary: 'Approve for your party: a request (REQ-2) or a change at the joint CAB (CHG-3)',
    body: z.object({ ...v, note }),
  },
  refuse: {
    summary: 'Refuse the request; it is closed with the reason (REQ-2)',
    body: z.object({ ...v, reason }),
  },
  start_fulfilment: {
    summary: 'Start fulfilment by one or both parties, each with its task (REQ-3)',
    body: z.object({ ...v, parties: z.array(PartyCode).max(10).optional() }),
  },
  complete_task: {
    summary: "Report your party's task done (REQ-3)",
    body: z.object({ ...v, note }),
  },
  forward_task: {
    summary: "Forward your party's task to a third party, through your own desk (PARTY-3)",
    body: z.object({ ...v, thirdParty: text(200), note }),
  },
  reject_fulfilment: {
    summary: 'The final check failed: reopen the tasks (REQ-4)',
    body: z.object({ ...v, reason }),
  },
  assess: {
    summary: 'Record the assessment and plans of a change (CHG-2)',
    body: z.object({
      ...v,
      risk: z.enum(RISKS),
      impactAnalysis: long,
      affectedServices: z.array(text(120)).min(1).max(50),
      affectedParties: z.array(PartyCode).min(1).max(10),
      plannedStart: Instant,
      plannedEnd: Instant,
      implementationPlan: long,
      rollbackPlan: long,
    }),
  },
  submit: {
    summary: 'Submit the change for review by the other affected parties, or to the CAB (CHG-2/3)',
    body: z.object({ ...v }),
  },
  review_assessment: {
    summary: "Agree or disagree with the change's assessment, for your party (CHG-2)",
    body: z.object({ ...v, agree: z.boolean(), comment: text(4000) }),
  },
  reject: {
    summary: 'Reject the change at the CAB (CHG-3)',
    body: z.object({ ...v, reason }),
  },
  review_implementation: {
    summary: 'Post-implementation review (CHG-4)',
    body: z.object({ ...v, outcome: z.enum(['successful', 'partial', 'failed']), notes: long }),
  },
  add_change: {
    summary: 'Bundle an approved change into the release (REL-1)',
    body: z.object({ ...v, change: TicketRef }),
  },
  remove_change: {
    summary: 'Take a change out of the release',
    body: z.object({ ...v, change: TicketRef }),
  },
  record_plan: {
    summary: 'Record the release plan (REL-1)',
    body: z.object({
      ...v,
      scope: long,
      riskProfile: long,
      affectedUsers: long,
      responsibleTeam: text(500),
      deploymentStrategy: long,
      resources: long,
    }),
  },
  start_build: {
    summary: 'Start build and test (REL-3)',
    body: z.object({ ...v }),
  },
  record_build_test: {
    summary: 'Record the build and test plan with its test cases (REL-3)',
    body: z.object({
      ...v,
      deliveryPlan: long,
      testPlan: long,
      leadTimes: text(4000),
      delayHandling: text(4000),
      successIndicators: z.array(text(500)).min(1).max(50),
      testCases: z
        .array(z.object({ name: text(200), expected: text(2000), result: z.enum(['pending', 'passed', 'failed']) }))
        .min(1)
        .max(200),
    }),
  },
  prepare_deployment: {
    summary: 'Move to deployment preparation once every test case passed (REL-4)',
    body: z.object({ ...v }),
  },
  record_deployment: {
    summary:
      'Record the execution plan, rollback approach and notifications; asks each affected party to approve (REL-4)',
    body: z.object({ ...v, executionPlan: long, rollbackApproach: long, notifications: long }),
  },
  propose_window: {
    summary: 'Propose the joint maintenance window of a release affecting several parties (REL-2)',
    body: z.object({ ...v, startsAt: Instant, endsAt: Instant, title: text(200).optional() }),
  },
  accept_window: {
    summary: 'Accept the proposed joint window for your party (REL-2)',
    body: z.object({ ...v }),
  },
  refuse_window: {
    summary: 'Refuse the proposed joint window, with the reason (REL-2)',
    body: z.object({ ...v, reason }),
  },
  approve_deployment: {
    summary: 'Approve the deployment for your party (REL-4)',
    body: z.object({ ...v, note }),
  },
  deploy: {
    summary:
      'Deploy inside the accepted joint window: every change becomes implemented (CHG-4, REL-2, REL-4); ' +
      'outside it only for an emergency change, with `emergencyReason`',
    body: z.object({ ...v, note, emergencyReason: text(4000).optional() }),
  },
  rollback: {
    summary: 'Roll back: restore the previous state and tell every party (REL-5)',
    body: z.object({ ...v, reason, restored: text(4000) }),
  },
  restart: {
    summary: 'Restart a rolled-back release at an earlier step (REL-5)',
    body: z.object({ ...v, to: z.enum(['planning', 'build_test', 'deployment_preparation']) }),
  },
  tick_checklist: {
    summary: 'Tick one item of the REL-6 verification and closure checklist',
    body: z.object({ ...v, item: z.enum(RELEASE_CHECKLIST) }),
  },
  form_team: {
    summary:
      'Form the incident management team (named members, or the roster for the event type), then add or remove named members; ' +
      "the owning party's security officer only — another party's officer proposes members (SEC-2)",
    body: z.object({
      ...v,
      members: z.array(z.uuid()).max(50).optional(),
      eventType: z.string().max(60).optional(),
      remove: z.array(z.uuid()).max(50).optional(),
    }),
  },
  characterise: {
    summary:
      'Characterise: taxonomy class and type, severity (common or national scale), impact, awareness, C/I/A touched (SEC-1, SEC-9)',
    body: z
      .object({
        ...v,
        taxonomyClass: z.string().max(60),
        taxonomyType: z.string().max(60),
        severity: z.enum(SEVERITIES).optional(),
        nationalSeverity: text(60).optional(),
        impact: Impact,
        awareAt: Instant.optional(),
        personalData: z.boolean(),
        ciaAffected: z.array(Cia).max(3),
      })
      .refine((b) => b.severity !== undefined || b.nationalSeverity !== undefined, {
        path: ['severity'],
        message: 'severity or nationalSeverity is required',
      }),
  },
  record_analysis: {
    summary: 'Record the C/I/A loss per information asset, consequences per party, measures and resources (SEC-4)',
    body: z.object({
      ...v,
      impacts: z
        .array(
          z.object({
            assetId: z.uuid(),
            confidentiality: Loss,
            integrity: Loss,
            availability: Loss,
            consequences: z.record(PartyCode, text(4000)),
          }),
        )
        .min(1)
        .max(100),
      initialMeasures: long,
      followUpMeasures: long,
      resources: text(4000),
    }),
  },
  contain: {
    summary: 'Record the containment (SEC-5)',
    body: z.object({ ...v, summary: long }),
  },
  recover: {
    summary: 'Record the recovery, the link reconnection and the registry teams informed (SEC-5)',
    body: z.object({
      ...v,
      summary: long,
      linkDisconnected: z.boolean(),
      linkReconnectedAt: Instant.optional(),
      registryTeamsInformed: z.boolean(),
    }),
  },
  issue_response_report: {
    summary: 'Issue the response report to level 3 (SEC-5)',
    body: z.object({ ...v }),
  },
  issue_final_report: {
    summary: 'Issue the final report to level 3 (SEC-5)',
    body: z.object({ ...v }),
  },
  record_indicator: {
    summary: 'Record an indicator of compromise as a STIX 2.1 pattern (ISM-5)',
    body: z.object({ ...v, name: text(200), pattern: text(2000) }),
  },
  add_follow_up: {
    summary: 'Add a follow-up action: weakness, procedure change or training (SEC-6)',
    body: z.object({
      ...v,
      kind: z.enum(FOLLOW_UP_KINDS),
      description: text(4000),
      exploitable: z.boolean().optional(),
    }),
  },
  complete_follow_up: {
    summary: 'Complete a follow-up action (SEC-6)',
    body: z.object({ ...v, id: z.uuid(), note: plain(4000).optional() }),
  },
  notify_authority: {
    summary: 'Record a regulatory stage as sent, with its recipient and content (SEC-8)',
    body: z.object({ ...v, stage: z.enum(REGULATORY_STAGES), recipient: text(200), content: long }),
  },
} satisfies { [A in TicketAction]?: ActionContract };

/** The actions that have a route, by name. */
export type ActionName = keyof typeof ACTION_CONTRACTS;
/** What an action's body holds once validated (what its service receives). */
export type ActionInput<A extends ActionName> = z.output<(typeof ACTION_CONTRACTS)[A]['body']>;
/** What a client sends for an action. */
export type ActionBody<A extends ActionName> = z.input<(typeof ACTION_CONTRACTS)[A]['body']>;
