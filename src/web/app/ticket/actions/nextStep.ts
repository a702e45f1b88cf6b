import { lifecycleOf } from '../../../../domain/lifecycle.ts';
import type { TicketType } from '../../../../domain/ticket-types.ts';

/** Actions that put the ticket on hold: never "the next step". */
const WAITS = new Set(['pend']);

/**
 * The step the ticket's process expects next among the allowed actions: the one that moves it
 * forward the least along its lifecycle (assign before resolve, verify before close), a
 * resume when it waits; null when no allowed action moves it forward.
 */
export function nextStep(type: TicketType, status: string, allowed: readonly string[]): string | null {
  const lifecycle = lifecycleOf(type);
  const here = lifecycle.states.indexOf(status);
  let best: string | null = null;
  let bestIndex = Infinity;
  for (const action of allowed) {
    const rule = lifecycle.actions[action];
    if (!rule?.to || WAITS.has(action)) continue;
    const to = typeof rule.to === 'string' ? rule.to : rule.to[status];
    const index = to ? lifecycle.states.indexOf(to) : -1;
    if (index > here && index < bestIndex) [best, bestIndex] = [action, index];
  }
  return best ?? (allowed.includes('resume') ? 'resume' : null);
}
