import { awaitApprovals } from '../../domain/approvals.ts';
import { pendingChangeOf, stepAllowed, type CertificateChangeKind } from '../../domain/certificates.ts';
import { AppError } from '../../domain/errors.ts';
import { approverRoleFor, cabLevelFor, type Assessment, type ChangeDetails } from '../../domain/processes.ts';
import { assertKeepsRegister } from '../../policies/certificates.ts';
import { changeDecision, lockCertificate, updateCertificate, type CertificateRow } from '../../store/certificates.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { insertNewTicket } from '../tickets/create-ticket.ts';
import { allPartyIds, historyEntry, historyOf } from './common.ts';

export interface CertificateChangeInput {
  reason: string;
  /** When the renewal or revocation is to be carried out (default: now, for a week). */
  plannedStart?: string | undefined;
  plannedEnd?: string | undefined;
}

const WEEK = 7 * 86_400_000;

const PLANS: Record<CertificateChangeKind, { title: string; implementation: string; rollback: string }> = {
  renewal: {
    title: 'Renew certificate',
    implementation:
      'Issue a new certificate from a CA trusted by every party, register it as the renewal of this one,' +
      ' verify its fingerprint out of band, install it and put it in use.',
    rollback: 'Keep the current certificate in use until it expires.',
  },
  revocation: {
    title: 'Revoke certificate',
    implementation:
      'Revoke the certificate at its CA, remove it from every trust store and configuration of the parties, and confirm to the other parties.',
    rollback: 'None: a revoked certificate is replaced by a new one, never reinstated.',
  },
};

/**
 * ISM-7: a renewal or revocation is a joint change (CHG): a normal change whose assessment
 * names every party, sent straight to the other parties' review (CHG-2) and then to the joint
 * CAB (CHG-3), one approval per party. The certificate is linked to it (`change_id`); a
 * renewal puts the certificate in `renewal`; it becomes `revoked` only once every party has
 * approved (services/certificates/settle-certificate-changes.ts).
 */
export async function requestCertificateChange(
  ctx: ServiceContext,
  id: string,
  kind: CertificateChangeKind,
  input: CertificateChangeInput,
): Promise<{ certificate: CertificateRow; change: TicketRow }> {
  const now = nowOf(ctx);
  const plannedStart = input.plannedStart ? new Date(input.plannedStart) : now;
  const plannedEnd = input.plannedEnd ? new Date(input.plannedEnd) : new Date(plannedStart.getTime() + WEEK);
  if (plannedEnd <= plannedStart)
    throw new AppError('validation.invalid', 'plannedEnd', { field: 'plannedEnd', detail: 'after_start' });
  return ctx.db.transaction(async (tx) => {
    const cert = await lockCertificate(tx, id);
    if (!cert) throw new AppError('certificate.not_found');
    assertKeepsRegister(ctx.actor, cert.partyId);
    const history = historyOf(cert);
    if (pendingChangeOf(history, cert.changeId)) {
      const current = await changeDecision(tx, cert.changeId!);
      throw new AppError('certificate.change_pending', undefined, { ref: current?.ref ?? '' });
    }
    if (!stepAllowed(kind, cert.state))
      throw new AppError('certificate.state_invalid', undefined, { state: cert.state });
    const parties = await allPartyIds(tx);
    const others = parties.filter((p) => p !== cert.partyId);
    const plan = PLANS[kind];
    const assessment: Assessment = {
      risk: 'medium',
      impactAnalysis:
        `${plan.title} "${cert.name}" (${cert.usage}) of ${cert.partyId}: subject ${cert.subject}, issuer ${cert.issuer},` +
        ` serial ${cert.serial}, SHA-256 ${cert.fingerprint}, valid until ${cert.notAfter.toISOString()}. Reason: ${input.reason}`,
      affectedServices: [cert.usage],
      affectedParties: parties,
      plannedStart: plannedStart.toISOString(),
      plannedEnd: plannedEnd.toISOString(),
      implementationPlan: plan.implementation,
      rollbackPlan: plan.rollback,
    };
    const level = cabLevelFor(assessment.risk, 'normal');
    const toReview = others.length > 0;
    const details: ChangeDetails = {
      kind: 'normal',
      origin: { kind: 'maintenance', reference: `certificate:${cert.id}` },
      assessment,
      reviews: toReview ? awaitApprovals(others) : [],
      approvals: toReview ? [] : awaitApprovals(parties),
      approvalLevel: level,
      appliedAt: null,
      releaseId: null,
      pir: null,
    };
    const events: PendingEvent[] = [
      { event: { kind: 'assessment_recorded', data: { ...assessment } } },
      toReview
        ? {
            event: {
              kind: 'approval_requested',
              data: { gate: 'reviewer', parties: others, roles: ['change_manager'] },
            },
          }
        : {
            event: {
              kind: 'approval_requested',
              data: { gate: 'approver', parties, roles: [approverRoleFor(level)], level },
            },
          },
    ];
    const change = await insertNewTicket(
      ctx,
      tx,
      {
        type: 'change',
        title: `${plan.title} ${cert.name}`.slice(0, 200),
        description: input.reason,
        service: cert.usage,
        impact: 'I2',
        criticality: kind === 'revocation' ? 'C1' : 'C2',
        sensitivity: 'LIMITED',
        channel: ctx.channel ?? 'api',
        participants: parties,
        details,
        status: toReview ? 'in_review' : 'awaiting_approval',
        events,
      },
      now,
    );
    const to = kind === 'renewal' ? 'renewal' : cert.state;
    const certificate = await updateCertificate(tx, cert.id, {
      state: to,
      changeId: change.id,
      history: [
        ...history,
        historyEntry(ctx, `${kind}_requested`, now, {
          changeId: change.id,
          changeRef: change.ref,
          from: cert.state,
          to,
          reason: input.reason,
        }),
      ],
    });
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: `certificate.${kind}_request`,
        targetId: cert.id,
        data: { changeId: change.id, changeRef: change.ref },
      },
      now,
    );
    return { certificate, change };
  });
}
