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
import { actionRoutes, type ActionRoute } from './action-route.ts';

const at = (value: string) => new Date(value);

/** The actions of problems, requests, changes and releases, plus PARTY-4 disagreements on every type. */
export const PROCESS_ACTIONS: ActionRoute[] = actionRoutes({
  acknowledge: acknowledgeConsultation,
  answer: answerConsultation,
  record_outcome: recordConsultationOutcome,
  record_disagreement: recordDisagreement,
  decide_disagreement: decideDisagreement,

  link_incident: linkIncident,
  record_root_cause: recordRootCause,
  publish_known_error: publishKnownError,

  request_approval: requestApproval,
  approve: approveTicket,
  refuse: (ctx, id, input) => refuseTicket(ctx, id, 'refuse', input),
  start_fulfilment: startFulfilment,
  complete_task: completeTask,
  forward_task: forwardTask,
  reject_fulfilment: rejectFulfilment,

  assess: assessChange,
  submit: submitChange,
  review_assessment: reviewAssessment,
  reject: (ctx, id, input) => refuseTicket(ctx, id, 'reject', input),
  review_implementation: reviewImplementation,

  add_change: addChange,
  remove_change: removeChange,
  record_plan: (ctx, id, input) => recordReleasePlan(ctx, id, input),
  start_build: startBuild,
  record_build_test: (ctx, id, input) => recordReleaseBuildTest(ctx, id, input),
  prepare_deployment: prepareDeployment,
  record_deployment: (ctx, id, input) => recordReleaseDeployment(ctx, id, input),
  propose_window: (ctx, id, input) =>
    proposeWindow(ctx, id, { ...input, startsAt: at(input.startsAt), endsAt: at(input.endsAt) }),
  accept_window: (ctx, id, input) => decideWindow(ctx, id, 'accepted', input),
  refuse_window: (ctx, id, input) => decideWindow(ctx, id, 'refused', input),
  approve_deployment: (ctx, id, input) => approveTicket(ctx, id, input, 'approve_deployment'),
  deploy: deployRelease,
  rollback: rollbackRelease,
  restart: restartRelease,
  tick_checklist: tickChecklist,
});
