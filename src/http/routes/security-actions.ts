import { characterise } from '../../services/security/characterise.ts';
import { addFollowUp, completeFollowUp } from '../../services/security/follow-ups.ts';
import { formTeam } from '../../services/security/form-team.ts';
import { issueReport } from '../../services/security/issue-report.ts';
import { notifyAuthority } from '../../services/security/notify-authority.ts';
import { recordAnalysis } from '../../services/security/record-analysis.ts';
import { recordIndicator } from '../../services/security/record-indicator.ts';
import { contain, recover } from '../../services/security/respond.ts';
import { actionRoutes, type ActionRoute } from './action-route.ts';

/** The actions of security incidents (SEC-1 … SEC-8). */
export const SECURITY_ACTIONS: ActionRoute[] = actionRoutes({
  form_team: formTeam,
  characterise,
  record_analysis: recordAnalysis,
  contain,
  recover,
  issue_response_report: (ctx, id, input) => issueReport(ctx, id, 'response', input),
  issue_final_report: (ctx, id, input) => issueReport(ctx, id, 'final', input),
  record_indicator: recordIndicator,
  add_follow_up: addFollowUp,
  complete_follow_up: completeFollowUp,
  notify_authority: notifyAuthority,
});
