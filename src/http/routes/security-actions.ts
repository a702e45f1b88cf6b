import { characterise } from '../../services/security/characterise.ts';
import { addFollowUp, completeFollowUp } from '../../services/security/follow-ups.ts';
import { formTeam } from '../../services/security/form-team.ts';
import { issueReport } from '../../services/security/issue-report.ts';
import { notifyAuthority } from '../../services/security/notify-authority.ts';
import { recordAnalysis } from '../../services/security/record-analysis.ts';
import { recordIndicator } from '../../services/security/record-indicator.ts';
import { contain, recover } from '../../services/security/respond.ts';
import { actionRoute, type ActionRoute } from './action-route.ts';

/** The actions of security incidents (SEC-1 … SEC-8). */
export const SECURITY_ACTIONS: ActionRoute[] = [
  actionRoute({
    action: 'form_team',
    run: formTeam,
  }),
  actionRoute({
    action: 'characterise',
    run: characterise,
  }),
  actionRoute({
    action: 'record_analysis',
    run: recordAnalysis,
  }),
  actionRoute({
    action: 'contain',
    run: contain,
  }),
  actionRoute({
    action: 'recover',
    run: recover,
  }),
  actionRoute({
    action: 'issue_response_report',
    run: (ctx, id, input) => issueReport(ctx, id, 'response', input),
  }),
  actionRoute({
    action: 'issue_final_report',
    run: (ctx, id, input) => issueReport(ctx, id, 'final', input),
  }),
  actionRoute({
    action: 'record_indicator',
    run: recordIndicator,
  }),
  actionRoute({
    action: 'add_follow_up',
    run: addFollowUp,
  }),
  actionRoute({
    action: 'complete_follow_up',
    run: completeFollowUp,
  }),
  actionRoute({
    action: 'notify_authority',
    run: notifyAuthority,
  }),
];
