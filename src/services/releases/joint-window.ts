import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { awaitApprovals, pendingParties } from '../../domain/approvals.ts';
import { AppError } from '../../domain/errors.ts';
import type { JointWindow, ReleaseDetails } from '../../domain/processes.ts';
import { maintenanceWindows } from '../../store/schema/index.ts';
import { slaSettingsChanged } from '../sla/sla-settings-changed.ts';
import type { Db } from '../../store/db.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { recordDecision } from '../tickets/approve-ticket.ts';
import { checkWindowTimes } from '../sla/maintenance-windows.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

/**
 * Detaches a release's joint window when what it was agreed for no longer holds (rollback,
 * other affected parties). A window that has not started is withdrawn from every calendar; one
 * already started stays, since clocks measured during it must not change afterwards.
 */
export async function detachWindow(tx: Db, release: TicketRow, now: Date): Promise<Partial<ReleaseDetails>> {
  const window = detailsOf(release, 'release').window;
  if (!window) return {};
  if (Date.parse(window.startsAt) > now.getTime() && window.status !== 'refused') {
    await tx
      .update(maintenanceWindows)
      .set({ status: 'withdrawn', decidedAt: now })
      .where(eq(maintenanceWindows.id, window.id));
    if (window.status === 'accepted')
      for (const party of [window.proposedBy, ...window.decisions.map((d) => d.party)])
        await slaSettingsChanged(tx, party);
  }
  return { window: null };
}

export interface ProposeWindowInput {
  startsAt: Date;
  endsAt: Date;
  title?: string | undefined;
  version?: number | undefined;
}

/**
 * REL-2: a release affecting several parties needs a joint maintenance window, proposed by one
 * affected party and accepted by every other before it counts (calendar, SLA clocks).
 */
export function proposeWindow(ctx: ServiceContext, idOrRef: string, input: ProposeWindowInput) {
  return runTicketAction(
    ctx,
    idOrRef,
    'propose_window',
    input.version,
    async (release, tx, now): Promise<ActionOutcome> => {
      const details = detailsOf(release, 'release');
      if (details.affectedParties.length < 2)
        throw new AppError('validation.invalid', 'startsAt', { field: 'startsAt', detail: 'single_party' });
      if (!details.affectedParties.includes(ctx.actor.party))
        throw new AppError('ticket.action_not_allowed', undefined, { action: 'propose_window' });
      if (details.window && details.window.status !== 'refused')
        throw new AppError('validation.invalid', 'startsAt', { field: 'startsAt', detail: 'window_pending' });
      checkWindowTimes(input.startsAt, input.endsAt, now);
      const partners = details.affectedParties.filter((p) => p !== ctx.actor.party);
      const id = randomUUID();
      await tx.insert(maintenanceWindows).values({
        id,
        partyId: ctx.actor.party,
        title: input.title ?? 'Joint maintenance window',
        service: release.service,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        joint: true,
        partners,
        status: 'proposed',
        releaseId: release.id,
        createdBy: ctx.actor.id,
        createdAt: now,
      });
      const window: JointWindow = {
        id,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        status: 'proposed',
        proposedBy: ctx.actor.party,
        decisions: awaitApprovals(partners),
      };
      return {
        patch: withDetails(release, 'release', { window }),
        events: [
          {
            event: {
              kind: 'window_proposed',
              data: { windowId: id, startsAt: window.startsAt, endsAt: window.endsAt, partners },
            },
          },
          {
            event: {
              kind: 'approval_requested',
              data: { gate: 'window_partner', parties: partners, roles: ['release_manager', 'change_manager'] },
            },
          },
        ],
      };
    },
  );
}

/** REL-2: a partner accepts or refuses the proposed window; once all accept it is in everyone's calendar. */
export function decideWindow(
  ctx: ServiceContext,
  idOrRef: string,
  decision: 'accepted' | 'refused',
  input: { reason?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(
    ctx,
    idOrRef,
    decision === 'accepted' ? 'accept_window' : 'refuse_window',
    input.version,
    async (release, tx, now): Promise<ActionOutcome> => {
      const window = detailsOf(release, 'release').window!;
      // Agreeing to a window once it has started would change clocks already measured.
      if (Date.parse(window.startsAt) <= now.getTime())
        throw new AppError('validation.invalid', 'window', { field: 'window', detail: 'window_passed' });
      const { approvals: decisions } = recordDecision(
        ctx.actor,
        window.decisions,
        decision === 'accepted' ? 'approved' : 'refused',
        now,
        input.reason,
      );
      const status: JointWindow['status'] =
        decision === 'refused' ? 'refused' : pendingParties(decisions).length === 0 ? 'accepted' : 'proposed';
      if (status !== 'proposed') {
        await tx
          .update(maintenanceWindows)
          .set({ status, decidedBy: ctx.actor.displayName, decidedAt: now, decisionNote: input.reason ?? null })
          .where(eq(maintenanceWindows.id, window.id));
        // An accepted window stops the SLA clocks of every party in it.
        if (status === 'accepted')
          for (const party of [window.proposedBy, ...decisions.map((d) => d.party)])
            await slaSettingsChanged(tx, party);
      }
      return {
        patch: withDetails(release, 'release', { window: { ...window, status, decisions } }),
        events: [
          {
            event: {
              kind: 'window_decided',
              data: {
                windowId: window.id,
                party: ctx.actor.party,
                decision,
                ...(input.reason ? { reason: input.reason } : {}),
              },
            },
          },
        ],
      };
    },
  );
}
