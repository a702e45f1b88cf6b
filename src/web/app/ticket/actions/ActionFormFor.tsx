import { detailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import type { ActionFormProps } from './ActionForm.tsx';
import { AddFollowUpForm } from './AddFollowUpForm.tsx';
import { AssessForm } from './AssessForm.tsx';
import { AssignForm } from './AssignForm.tsx';
import { BuildTestForm } from './BuildTestForm.tsx';
import { CharacteriseForm } from './CharacteriseForm.tsx';
import { CloseForm } from './CloseForm.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CompleteFollowUpForm } from './CompleteFollowUpForm.tsx';
import { EscalateForm } from './EscalateForm.tsx';
import { FormTeamForm } from './FormTeamForm.tsx';
import { ProposeWindowForm } from './ProposeWindowForm.tsx';
import { RecordAnalysisForm } from './RecordAnalysisForm.tsx';
import { RecordKnownErrorForm } from './RecordKnownErrorForm.tsx';
import { RecoverForm } from './RecoverForm.tsx';
import { RequestApprovalForm } from './RequestApprovalForm.tsx';
import { RequestCloseForm } from './RequestCloseForm.tsx';
import { ReviewAssessmentForm } from './ReviewAssessmentForm.tsx';
import { SecurityForm } from './SecurityForm.tsx';
import { SIMPLE_ACTIONS, SimpleForm } from './SimpleForm.tsx';
import { StartFulfilmentForm } from './StartFulfilmentForm.tsx';
import { TickChecklistForm } from './TickChecklistForm.tsx';
import { TransferForm } from './TransferForm.tsx';
import { UpdateForm } from './UpdateForm.tsx';

/** Types closed with a note only; incidents keep their INC-6 checklist and requests need the requester's acceptance. */
const NOTE_CLOSE = new Set(['problem', 'change', 'release', 'security']);

/** Text the form starts with: what is already recorded, so recording again (after a rollback) edits it. */
function initialValues(action: string, detail: TicketDetail): Record<string, string> | undefined {
  const release = detailsOf(detail, 'release');
  if (action === 'record_plan' && release?.plan) return { ...release.plan };
  if (action === 'record_deployment' && release?.deployment) return { ...release.deployment };
  const problem = detailsOf(detail, 'problem');
  if (action === 'publish_known_error' && problem?.rootCause)
    return { cause: problem.rootCause, ...(detail.workaround ? { workaround: detail.workaround } : {}) };
  if (action === 'record_root_cause' && problem?.rootCause) return { rootCause: problem.rootCause };
  return undefined;
}

/** The form of one action. */
export function ActionFormFor({
  action,
  detail,
  ...props
}: ActionFormProps & { action: string; detail: TicketDetail }) {
  switch (action) {
    case 'comment':
      return <CommentForm detail={detail} {...props} />;
    case 'assign':
      return <AssignForm detail={detail} {...props} />;
    case 'transfer':
      return <TransferForm detail={detail} {...props} />;
    case 'escalate':
      return <EscalateForm detail={detail} {...props} />;
    case 'close':
      if (detail.type === 'request') return <RequestCloseForm refused={detail.status === 'refused'} {...props} />;
      if (NOTE_CLOSE.has(detail.type))
        return <SimpleForm action="close" specs={SIMPLE_ACTIONS.close_note} {...props} />;
      return <CloseForm {...props} />;
    case 'update':
      return <UpdateForm detail={detail} {...props} />;
    case 'declare_security_incident':
      return <SecurityForm detail={detail} {...props} />;
    case 'form_team':
      return <FormTeamForm detail={detail} {...props} />;
    case 'characterise':
      return <CharacteriseForm detail={detail} {...props} />;
    case 'record_analysis':
      return <RecordAnalysisForm detail={detail} {...props} />;
    case 'recover':
      return <RecoverForm {...props} />;
    case 'add_follow_up':
      return <AddFollowUpForm {...props} />;
    case 'complete_follow_up':
      return <CompleteFollowUpForm detail={detail} {...props} />;
    case 'record_known_error':
      return <RecordKnownErrorForm {...props} />;
    case 'assess':
      return <AssessForm detail={detail} {...props} />;
    case 'review_assessment':
      return <ReviewAssessmentForm detail={detail} {...props} />;
    case 'request_approval':
      return <RequestApprovalForm detail={detail} {...props} />;
    case 'start_fulfilment':
      return <StartFulfilmentForm {...props} />;
    case 'record_build_test':
      return <BuildTestForm detail={detail} {...props} />;
    case 'propose_window':
      return <ProposeWindowForm detail={detail} {...props} />;
    case 'tick_checklist':
      return <TickChecklistForm detail={detail} {...props} />;
    case 'remove_change': {
      const changes = detailsOf(detail, 'release')?.changes ?? [];
      const labels = new Map(changes.map((c) => [c.ref, `${c.ref} — ${c.title}`]));
      const specs = [
        {
          name: 'change',
          required: true,
          options: changes.map((c) => c.ref),
          optionLabel: (ref: string) => labels.get(ref) ?? ref,
        },
      ];
      return <SimpleForm action={action} specs={specs} {...props} />;
    }
    default:
      return <SimpleForm action={action} initial={initialValues(action, detail)} {...props} />;
  }
}
