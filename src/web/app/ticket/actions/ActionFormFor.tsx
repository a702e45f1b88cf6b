import type { TicketDetail } from '../../types.ts';
import type { ActionFormProps } from './ActionForm.tsx';
import { AssignForm } from './AssignForm.tsx';
import { CloseForm } from './CloseForm.tsx';
import { CommentForm } from './CommentForm.tsx';
import { EscalateForm } from './EscalateForm.tsx';
import { SecurityForm } from './SecurityForm.tsx';
import { SimpleForm } from './SimpleForm.tsx';
import { TransferForm } from './TransferForm.tsx';
import { UpdateForm } from './UpdateForm.tsx';

/** The form of one action. */
export function ActionFormFor({ action, detail, ...props }: ActionFormProps & { action: string; detail: TicketDetail }) {
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
      return <CloseForm {...props} />;
    case 'update':
      return <UpdateForm detail={detail} {...props} />;
    case 'declare_security_incident':
      return <SecurityForm detail={detail} {...props} />;
    default:
      return <SimpleForm action={action} {...props} />;
  }
}
