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
import { actionRoute, type ActionRoute } from './action-route.ts';

const at = (value: string) => new Date(value);

/** The actions of problems, requests, changes and releases, plus PARTY-4 disagreements on every type. */
export const PROCESS_ACTIONS: ActionRoute[] = [
  actionRoute({
    action: 'acknowledge',
    run: acknowledgeConsultation,
  }),
  actionRoute({
    action: 'answer',
    run: answerConsultation,
  }),
  actionRoute({
    action: 'record_outcome',
    run: recordConsultationOutcome,
  }),
  actionRoute({
    action: 'record_disagreement',
    run: recordDisagreement,
  }),
  actionRoute({
    action: 'decide_disagreement',
    run: decideDisagreement,
  }),

  actionRoute({
    action: 'link_incident',
    run: linkIncident,
  }),
  actionRoute({
    action: 'record_root_cause',
    run: recordRootCause,
  }),
  actionRoute({
    action: 'publish_known_error',
    run: publishKnownError,
  }),

  actionRoute({
    action: 'request_approval',
    run: requestApproval,
  }),
  actionRoute({
    action: 'approve',
    run: approveTicket,
  }),
  actionRoute({
    action: 'refuse',
    run: (ctx, id, input) => refuseTicket(ctx, id, 'refuse', input),
  }),
  actionRoute({
    action: 'start_fulfilment',
    run: startFulfilment,
  }),
  actionRoute({
    action: 'complete_task',
    run: completeTask,
  }),
  actionRoute({
    action: 'forward_task',
    run: forwardTask,
  }),
  actionRoute({
    action: 'reject_fulfilment',
    run: rejectFulfilment,
  }),

  actionRoute({
    action: 'assess',
    run: assessChange,
  }),
  actionRoute({
    action: 'submit',
    run: submitChange,
  }),
  actionRoute({
    action: 'review_assessment',
    run: reviewAssessment,
  }),
  actionRoute({
    action: 'reject',
    run: (ctx, id, input) => refuseTicket(ctx, id, 'reject', input),
  }),
  actionRoute({
    action: 'review_implementation',
    run: reviewImplementation,
  }),

  actionRoute({
    action: 'add_change',
    run: addChange,
  }),
  actionRoute({
    action: 'remove_change',
    run: removeChange,
  }),
  actionRoute({
    action: 'record_plan',
    run: (ctx, id, input) => recordReleasePlan(ctx, id, input),
  }),
  actionRoute({
    action: 'start_build',
    run: startBuild,
  }),
  actionRoute({
    action: 'record_build_test',
    run: (ctx, id, input) => recordReleaseBuildTest(ctx, id, input),
  }),
  actionRoute({
    action: 'prepare_deployment',
    run: prepareDeployment,
  }),
  actionRoute({
    action: 'record_deployment',
    run: (ctx, id, input) => recordReleaseDeployment(ctx, id, input),
  }),
  actionRoute({
    action: 'propose_window',
    run: (ctx, id, input) =>
      proposeWindow(ctx, id, { ...input, startsAt: at(input.startsAt), endsAt: at(input.endsAt) }),
  }),
  actionRoute({
    action: 'accept_window',
    run: (ctx, id, input) => decideWindow(ctx, id, 'accepted', input),
  }),
  actionRoute({
    action: 'refuse_window',
    run: (ctx, id, input) => decideWindow(ctx, id, 'refused', input),
  }),
  actionRoute({
    action: 'approve_deployment',
    run: (ctx, id, input) => approveTicket(ctx, id, input, 'approve_deployment'),
  }),
  actionRoute({
    action: 'deploy',
    run: deployRelease,
  }),
  actionRoute({
    action: 'rollback',
    run: rollbackRelease,
  }),
  actionRoute({
    action: 'restart',
    run: restartRelease,
  }),
  actionRoute({
    action: 'tick_checklist',
    run: tickChecklist,
  }),
];
