import { awaitApprovals } from '../../domain/approvals.ts';
import { AppError } from '../../domain/errors.ts';
import { checklistAfterRollback, windowRefusal } from '../../domain/processes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';
import { recordChangeRollback } from '../problems/record-change-rollback.ts';
import { detachWindow } from './joint-window.ts';
import { lockReleaseChanges, moveChange } from './release-changes.ts';

/** An instant as people read it in a message, the same in both languages. */
const readable = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * REL-4 / CHG-4: deploys an approved release. Refused when one of its changes is no longer
 * approved, or when several parties are affected and it is not inside their accepted joint
 * window (an emergency change aside, with its reason recorded: domain/processes#windowRefusal).
 * Every change becomes implemented (applied), on its own timeline too.
 */
export function deployRelease(
  ctx: ServiceContext,
  idOrRef: string,
  input: { note?: string | undefined; emergencyReason?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'deploy', input.version, async (release, tx, now): Promise<ActionOutcome> => {
    const details = detailsOf(release, 'release');
    const changes = await lockReleaseChanges(tx, release);
    const emergency = changes.some((c) => detailsOf(c, 'change').kind === 'emergency');
    const refusal = windowRefusal(details, now.getTime(), { change: emergency, reason: input.emergencyReason });
    if (refusal?.code === 'release.window_required') throw new AppError('release.window_required');
    if (refusal) {
      const params = { startsAt: readable(refusal.startsAt), endsAt: readable(refusal.endsAt) };
      if (refusal.emergency)
        throw new AppError('release.outside_window', 'emergencyReason', {
          ...params,
          field: 'emergencyReason',
          detail: 'emergency_reason',
        });
      throw new AppError('release.outside_window', undefined, { ...params, detail: 'inside_window' });
    }
    // Recorded only when it is what allowed the deployment.
    const outside = windowRefusal(details, now.getTime(), { change: false }) !== null;
    const why = outside && input.emergencyReason ? { emergencyReason: input.emergencyReason.trim() } : {};
    if (changes.length === 0) throw new AppError('release.incomplete', 'changes', { field: 'changes' });
    const unapproved = changes.find((c) => c.status !== 'approved');
    if (unapproved) throw new AppError('change.not_approved', undefined, { ref: unapproved.ref });
    for (const change of changes) {
      await moveChange(
        ctx,
        tx,
        change,
        'implemented',
        'deploy',
        { appliedAt: now.toISOString() },
        { event: { kind: 'change_applied', data: { releaseId: release.id, releaseRef: release.ref } } },
        now,
      );
    }
    return {
      note: input.note,
      patch: withDetails(release, 'release', {
        deployments: [
          ...(details.deployments ?? []),
          { by: ctx.actor.displayName, at: now.toISOString(), note: input.note ?? null, ...why },
        ],
      }),
      events: [
        {
          event: {
            kind: 'deployed',
            data: { ...(input.note ? { note: input.note } : {}), changes: changes.length, ...why },
          },
        },
      ],
    };
  });
}

/**
 * REL-5: on failure or unmet acceptance criteria the previous state is restored; what was
 * restored is recorded, the changes are approved-but-not-applied again, and every party on
 * the release is told.
 */
export function rollbackRelease(
  ctx: ServiceContext,
  idOrRef: string,
  input: { reason: string; restored: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'rollback', input.version, async (release, tx, now): Promise<ActionOutcome> => {
    const details = detailsOf(release, 'release');
    const changes = await lockReleaseChanges(tx, release);
    // A change already reviewed or closed is history: undoing it is a new change.
    const settled = changes.find((c) => c.status !== 'implemented');
    if (settled) throw new AppError('release.rollback_too_late', undefined, { ref: settled.ref });
    for (const change of changes) {
      await moveChange(
        ctx,
        tx,
        change,
        'approved',
        'rollback',
        { appliedAt: null },
        {
          event: {
            kind: 'change_reverted',
            data: { releaseId: release.id, releaseRef: release.ref, reason: input.reason },
          },
        },
        now,
      );
      // A problem the change closed stays closed, with the rollback on its timeline and its owner told.
      await recordChangeRollback(ctx, tx, change, input.reason, now);
    }
    // REL-6 items that verified the rolled-back deployment are un-ticked, with an event naming them.
    const { checklist, cleared } = checklistAfterRollback(details.checklist ?? {});
    return {
      note: input.reason,
      // The next deployment is agreed anew: approvals and the joint window.
      patch: withDetails(release, 'release', {
        rollbacks: [
          ...(details.rollbacks ?? []),
          { reason: input.reason, restored: input.restored, by: ctx.actor.displayName, at: now.toISOString() },
        ],
        approvals: [],
        checklist,
        ...(await detachWindow(tx, release, now)),
      }),
      events: [
        {
          event: {
            kind: 'rolled_back',
            data: { reason: input.reason, restored: input.restored, changes: changes.length },
          },
        },
        ...(cleared.length > 0
          ? [{ event: { kind: 'checklist_cleared' as const, data: { items: cleared, reason: 'rollback' as const } } }]
          : []),
      ],
    };
  });
}

const EARLIER_STEPS = ['planning', 'build_test', 'deployment_preparation'] as const;

/** REL-5: after a rollback the process restarts at any earlier step; approvals are given again. */
export function restartRelease(
  ctx: ServiceContext,
  idOrRef: string,
  input: { to: (typeof EARLIER_STEPS)[number]; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'restart', input.version, (release): ActionOutcome => {
    if (!EARLIER_STEPS.includes(input.to))
      throw new AppError('validation.invalid', 'to', { field: 'to', detail: 'earlier_step' });
    const details = detailsOf(release, 'release');
    // Back in deployment preparation the recorded deployment plan is approved anew.
    const approvals =
      input.to === 'deployment_preparation' && details.deployment ? awaitApprovals(details.affectedParties) : [];
    return {
      status: input.to,
      patch: withDetails(release, 'release', { approvals }),
      events: [
        { event: { kind: 'restarted', data: { to: input.to } } },
        ...(approvals.length > 0
          ? [
              {
                event: {
                  kind: 'approval_requested' as const,
                  data: { gate: 'approver' as const, parties: details.affectedParties, roles: ['release_manager'] },
                },
              },
            ]
          : []),
      ],
    };
  });
}
