import type { TimelineEntry } from '../../../contract/schemas.ts';

export const TIMELINE_FILTERS = ['all', 'comments', 'changes'] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

/** One line of the timeline: what an action did, with the status changes it caused folded into it. */
export interface TimelineItem {
  lead: TimelineEntry;
  statusChanges: TimelineEntry[];
}

/** Entries written by one action: appended together, so same author, same party, same instant. */
const sameAction = (a: TimelineEntry, b: TimelineEntry) =>
  a.actor.id === b.actor.id && a.actor.name === b.actor.name && a.party === b.party && a.createdAt === b.createdAt;

/** The entries of one action, in order: consecutive sequence numbers with the same author and instant. */
function actions(entries: TimelineEntry[]): TimelineEntry[][] {
  const groups: TimelineEntry[][] = [];
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const last = groups.at(-1)?.at(-1);
    if (last && last.seq + 1 === entry.seq && sameAction(last, entry)) groups.at(-1)!.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/**
 * The timeline as people read it, oldest first: an action that assigned a ticket (or resolved,
 * escalated, commented…) and thereby moved its status is one item, the status change a detail of
 * it. Status changes go to the action's first entry that is not a comment (the comment when there
 * is nothing else); an action made only of status changes keeps them as items of their own.
 */
export function timelineItems(entries: TimelineEntry[]): TimelineItem[] {
  return actions(entries).flatMap((group): TimelineItem[] => {
    const others = group.filter((entry) => entry.kind !== 'status_changed');
    const statusChanges = group.filter((entry) => entry.kind === 'status_changed');
    if (others.length === 0) return statusChanges.map((lead) => ({ lead, statusChanges: [] }));
    const host = others.find((entry) => entry.kind !== 'comment') ?? others[0]!;
    return others.map((lead) => ({ lead, statusChanges: lead === host ? statusChanges : [] }));
  });
}

/** Comments are what people wrote to each other; everything else, status changes included, is a change. */
export function shownItem(item: TimelineItem, filter: TimelineFilter): boolean {
  if (filter === 'all') return true;
  const isComment = item.lead.kind === 'comment';
  return filter === 'comments' ? isComment : !isComment || item.statusChanges.length > 0;
}
