import type { TicketDetail } from '../../../../contract/schemas.ts';
import { api, ApiError } from '../../api.ts';

/** What came of an action: the updated ticket, a new ticket, a stale version, or an error. */
export type ActionResult =
  | { kind: 'updated'; detail: TicketDetail }
  | { kind: 'created'; ref: string; visible: boolean }
  | { kind: 'conflict'; error: ApiError }
  | { kind: 'failed'; error: unknown };

const CREATES = new Set(['record_recurrence', 'declare_security_incident']);

/** Fires an action (or the field update) with the version the user was looking at. */
export async function runAction(
  detail: TicketDetail,
  action: string,
  body: Record<string, unknown>,
): Promise<ActionResult> {
  const payload = { ...body, version: detail.version };
  const id = encodeURIComponent(detail.id);
  try {
    if (action === 'update')
      return { kind: 'updated', detail: await api.patch<TicketDetail>(`/tickets/${id}`, payload) };
    const result = await api.post<TicketDetail | { id: string; ref: string }>(
      `/tickets/${id}/actions/${action}`,
      payload,
    );
    // A security incident above the declarer's clearance comes back as its number only.
    if (CREATES.has(action)) return { kind: 'created', ref: result.ref, visible: 'timeline' in result };
    if ('timeline' in result) return { kind: 'updated', detail: result };
    // Only a creating action answers with the number alone; anything else is an answer off the contract.
    return { kind: 'failed', error: new Error(`${action}: the answer carries no ticket`) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'ticket.version_conflict') return { kind: 'conflict', error };
    return { kind: 'failed', error };
  }
}
