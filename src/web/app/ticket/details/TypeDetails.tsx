import { detailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { ChangePanel } from './ChangePanel.tsx';
import { ConsultationPanel } from './ConsultationPanel.tsx';
import { ProblemPanel } from './ProblemPanel.tsx';
import { ReleasePanel } from './ReleasePanel.tsx';
import { RequestPanel } from './RequestPanel.tsx';
import { SecurityPanel } from './SecurityPanel.tsx';

/** The facts of a problem, request, change, release or security incident (`details`); nothing for other types. */
export function TypeDetails({ detail }: { detail: TicketDetail }) {
  const problem = detailsOf(detail, 'problem');
  if (problem) return <ProblemPanel details={problem} />;
  const request = detailsOf(detail, 'request');
  if (request) return <RequestPanel details={request} ownerParty={detail.ownerParty} />;
  const change = detailsOf(detail, 'change');
  if (change) return <ChangePanel details={change} />;
  const release = detailsOf(detail, 'release');
  if (release) return <ReleasePanel details={release} />;
  const consultation = detailsOf(detail, 'consultation');
  if (consultation) return <ConsultationPanel details={consultation} />;
  if (detail.type === 'security') return <SecurityPanel detail={detail} />;
  return null;
}
