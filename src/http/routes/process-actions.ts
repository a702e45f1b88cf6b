import { z } from 'zod';
import { RELEASE_CHECKLIST, RISKS } from '../../domain/processes.ts';
import { approveTicket, refuseTicket } from '../../services/tickets/approve-ticket.ts';
import { assessChange } from '../../services/changes/assess-change.ts';
import { reviewAssessment } from '../../services/changes/review-assessment.ts';
import { reviewImplementation } from '../../services/changes/review-implementation.ts';
import { submitChange } from '../../services/changes/submit-change.ts';

import { decideDisagreement } from '../../services/tickets/decide-disagreement.ts';
import { linkIncident } from '../../services/problems/link-incident.ts';
import { publishKnownError } from '../../services/problems/publish-known-error.ts';
import { recordRootCause } from '../../services/problems/record-root-cause.ts';
import { recordDisagreement } from '../../services/tickets/record-disagreement.ts';
import { addChange, removeChange } from '../../services/releases/add-change.ts';
import { prepareDeployment, startBuild } from '../../services/releases/advance-release.ts';
import { deployRelease, restartRelease, rollbackRelease } from '../../services/releases/deploy-release.ts';
import { decideWindow, proposeWindow } from '../../services/releases/joint-window.ts';
import {
  recordReleaseBuildTest,
  recordReleaseDeployment,
  recordReleasePlan,
} from '../../services/releases/record-release-section.ts';
import { tickChecklist } from '../../services/releases/tick-checklist.ts';
import { completeTask } from '../../services/requests/complete-task.ts';
import { forwardTask } from '../../services/requests/forward-task.ts';
import { rejectFulfilment } from '../../services/requests/reject-fulfilment.ts';
import { requestApproval } from '../../services/requests/request-approval.ts';
import { startFulfilment } from '../../services/requests/start-fulfilment.ts';
import { acknowledgeConsultation } from '../../services/consultations/acknowledge-consultation.ts';
import { answerConsultation } from '../../services/consultations/answer-consultation.ts';
import { recordConsultationOutcome } from '../../services/consultations/record-consultation-outcome.ts';
import { Instant, plain, text } from '../schemas.ts';
import { reason, v, actionRoute, type ActionRoute } from './action-route.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const TicketRef = z.string().trim().min(1).max(64);
const note = plain(4000).optional();
const long = text(20_000);
const at = (value: string) => new Date(value);

/** The actions of problems, requests, changes and releases, plus PARTY-4 disagreements on every type. */
export const PROCESS_ACTIONS: ActionRoute[] = [
  actionRoute({
    action: 'acknowledge',
    summary: 'Acknowledge a consultation your party is asked for (CBM-5)',
    body: z.object({ ...v }),
    run: acknowledgeConsultation,
  }),
  actionRoute({
    action: 'answer',
    summary: "Give your party's answer to the consultation (CBM-5)",
    body: z.object({ ...v, answer: long }),
    run: answerConsultation,
  }),
  actionRoute({
    action: 'record_outcome',
    summary: 'Record the outcome of the consultation your party asked for; it is concluded (CBM-5)',
    body: z.object({ ...v, outcome: long }),
    run: recordConsultationOutcome,
  }),
  actionRoute({
    action: 'record_disagreement',
    summary: 'Record a disagreement between the desks; the ticket rises one level (PARTY-4)',
    body: z.object({ ...v, reason }),
    run: recordDisagreement,
  }),
  actionRoute({
    action: 'decide_disagreement',
    summary: 'Decide the open disagreement at the level it rose to (PARTY-4)',
    body: z.object({ ...v, decision: text(4000) }),
    run: decideDisagreement,
  }),

  actionRoute({
    action: 'link_incident',
    summary: 'Link one more incident to the problem; frequency and priority follow (PRB-1)',
    body: z.object({ ...v, incident: TicketRef }),
    run: linkIncident,
  }),
  actionRoute({
    action: 'record_root_cause',
    summary: 'Record the root cause and workaround found (PRB-2)',
    body: z.object({ ...v, rootCause: long, workaround: plain(20_000).optional() }),
    run: recordRootCause,
  }),
  actionRoute({
    action: 'publish_known_error',
    summary: 'Publish the known error to the knowledge base (PRB-2, COL-3)',
    body: z.object({ ...v, symptoms: long, cause: long, workaround: long }),
    run: publishKnownError,
  }),

  actionRoute({
    action: 'request_approval',
    summary: "Ask the other party's desk to approve the request (REQ-2)",
    body: z.object({ ...v, party: PartyCode.optional(), note }),
    run: requestApproval,
  }),
  actionRoute({
    action: 'approve',
    summary: 'Approve for your party: a request (REQ-2) or a change at the joint CAB (CHG-3)',
    body: z.object({ ...v, note }),
    run: approveTicket,
  }),
  actionRoute({
    action: 'refuse',
    summary: 'Refuse the request; it is closed with the reason (REQ-2)',
    body: z.object({ ...v, reason }),
    run: (ctx, id, input) => refuseTicket(ctx, id, 'refuse', input),
  }),
  actionRoute({
    action: 'start_fulfilment',
    summary: 'Start fulfilment by one or both parties, each with its task (REQ-3)',
    body: z.object({ ...v, parties: z.array(PartyCode).max(10).optional() }),
    run: startFulfilment,
  }),
  actionRoute({
    action: 'complete_task',
    summary: "Report your party's task done (REQ-3)",
    body: z.object({ ...v, note }),
    run: completeTask,
  }),
  actionRoute({
    action: 'forward_task',
    summary: "Forward your party's task to a third party, through your own desk (PARTY-3)",
    body: z.object({ ...v, thirdParty: text(200), note }),
    run: forwardTask,
  }),
  actionRoute({
    action: 'reject_fulfilment',
    summary: 'The final check failed: reopen the tasks (REQ-4)',
    body: z.object({ ...v, reason }),
    run: rejectFulfilment,
  }),

  actionRoute({
    action: 'assess',
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
    run: assessChange,
  }),
  actionRoute({
    action: 'submit',
    summary: 'Submit the change for review by the other affected parties, or to the CAB (CHG-2/3)',
    body: z.object({ ...v }),
    run: submitChange,
  }),
  actionRoute({
    action: 'review_assessment',
    summary: "Agree or disagree with the change's assessment, for your party (CHG-2)",
    body: z.object({ ...v, agree: z.boolean(), comment: text(4000) }),
    run: reviewAssessment,
  }),
  actionRoute({
    action: 'reject',
    summary: 'Reject the change at the CAB (CHG-3)',
    body: z.object({ ...v, reason }),
    run: (ctx, id, input) => refuseTicket(ctx, id, 'reject', input),
  }),
  actionRoute({
    action: 'review_implementation',
    summary: 'Post-implementation review (CHG-4)',
    body: z.object({ ...v, outcome: z.enum(['successful', 'partial', 'failed']), notes: long }),
    run: reviewImplementation,
  }),

  actionRoute({
    action: 'add_change',
    summary: 'Bundle an approved change into the release (REL-1)',
    body: z.object({ ...v, change: TicketRef }),
    run: addChange,
  }),
  actionRoute({
    action: 'remove_change',
    summary: 'Take a change out of the release',
    body: z.object({ ...v, change: TicketRef }),
    run: removeChange,
  }),
  actionRoute({
    action: 'record_plan',
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
    run: (ctx, id, input) => recordReleasePlan(ctx, id, input),
  }),
  actionRoute({
    action: 'start_build',
    summary: 'Start build and test (REL-3)',
    body: z.object({ ...v }),
    run: startBuild,
  }),
  actionRoute({
    action: 'record_build_test',
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
    run: (ctx, id, input) => recordReleaseBuildTest(ctx, id, input),
  }),
  actionRoute({
    action: 'prepare_deployment',
    summary: 'Move to deployment preparation once every test case passed (REL-4)',
    body: z.object({ ...v }),
    run: prepareDeployment,
  }),
  actionRoute({
    action: 'record_deployment',
    summary:
      'Record the execution plan, rollback approach and notifications; asks each affected party to approve (REL-4)',
    body: z.object({ ...v, executionPlan: long, rollbackApproach: long, notifications: long }),
    run: (ctx, id, input) => recordReleaseDeployment(ctx, id, input),
  }),
  actionRoute({
    action: 'propose_window',
    summary: 'Propose the joint maintenance window of a release affecting several parties (REL-2)',
    body: z.object({ ...v, startsAt: Instant, endsAt: Instant, title: text(200).optional() }),
    run: (ctx, id, input) =>
      proposeWindow(ctx, id, { ...input, startsAt: at(input.startsAt), endsAt: at(input.endsAt) }),
  }),
  actionRoute({
    action: 'accept_window',
    summary: 'Accept the proposed joint window for your party (REL-2)',
    body: z.object({ ...v }),
    run: (ctx, id, input) => decideWindow(ctx, id, 'accepted', input),
  }),
  actionRoute({
    action: 'refuse_window',
    summary: 'Refuse the proposed joint window, with the reason (REL-2)',
    body: z.object({ ...v, reason }),
    run: (ctx, id, input) => decideWindow(ctx, id, 'refused', input),
  }),
  actionRoute({
    action: 'approve_deployment',
    summary: 'Approve the deployment for your party (REL-4)',
    body: z.object({ ...v, note }),
    run: (ctx, id, input) => approveTicket(ctx, id, input, 'approve_deployment'),
  }),
  actionRoute({
    action: 'deploy',
    summary:
      'Deploy inside the accepted joint window: every change becomes implemented (CHG-4, REL-2, REL-4); ' +
      'outside it only for an emergency change, with `emergencyReason`',
    body: z.object({ ...v, note, emergencyReason: text(4000).optional() }),
    run: deployRelease,
  }),
  actionRoute({
    action: 'rollback',
    summary: 'Roll back: restore the previous state and tell every party (REL-5)',
    body: z.object({ ...v, reason, restored: text(4000) }),
    run: rollbackRelease,
  }),
  actionRoute({
    action: 'restart',
    summary: 'Restart a rolled-back release at an earlier step (REL-5)',
    body: z.object({ ...v, to: z.enum(['planning', 'build_test', 'deployment_preparation']) }),
    run: restartRelease,
  }),
  actionRoute({
    action: 'tick_checklist',
    summary: 'Tick one item of the REL-6 verification and closure checklist',
    body: z.object({ ...v, item: z.enum(RELEASE_CHECKLIST) }),
    run: tickChecklist,
  }),
];
