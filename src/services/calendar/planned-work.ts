import type { Actor } from '../../domain/actor.ts';
import type { Db } from '../../store/db.ts';
import { visiblePlannedWork } from '../../store/planned-work.ts';
import { detailsOf } from '../write-path/details.ts';

export interface PlannedItem {
  kind: 'change' | 'release';
  id: string;
  ref: string;
  title: string;
  status: string;
  ownerParty: string;
  parties: string[];
  startsAt: Date;
  endsAt: Date;
  /** Where the dates come from: the change's assessment, the release's joint window, its changes, or its deployment. */
  source: 'assessment' | 'joint_window' | 'changes' | 'deployment';
  /** The release's joint window status, null when it has none (a change never has one). */
  jointWindow: 'proposed' | 'accepted' | 'refused' | null;
}

const HOUR = 3_600_000;

/**
 * COL-5: changes and releases on the calendar whether or not they have a joint window. A change
 * is placed by its assessment's planned start and end; a release by its joint window, else by the
 * planned dates of its changes that the reader may see, else by its last deployment. Work with no
 * date yet (a change not assessed) is not on the calendar. Only work overlapping [from, to).
 */
export async function plannedWork(db: Db, actor: Actor, from: Date, to: Date, party?: string): Promise<PlannedItem[]> {
  const rows = await visiblePlannedWork(db, actor, party);
  const planned = new Map<string, { start: number; end: number }>();
  for (const row of rows) {
    if (row.type !== 'change') continue;
    const a = detailsOf(row, 'change').assessment;
    if (a) planned.set(row.id, { start: Date.parse(a.plannedStart), end: Date.parse(a.plannedEnd) });
  }
  const items: PlannedItem[] = [];
  for (const row of rows) {
    const base = {
      id: row.id,
      ref: row.ref,
      title: row.title,
      status: row.status,
      ownerParty: row.ownerParty,
      parties: row.participants,
    };
    if (row.type === 'change') {
      const dates = planned.get(row.id);
      if (dates)
        items.push({
          ...base,
          kind: 'change',
          startsAt: new Date(dates.start),
          endsAt: new Date(dates.end),
          source: 'assessment',
          jointWindow: null,
        });
      continue;
    }
    const d = detailsOf(row, 'release');
    const jointWindow = d.window?.status ?? null;
    const fromChanges = d.changeIds.map((id) => planned.get(id)).filter((x) => x !== undefined);
    const lastDeployment = d.deployments.at(-1);
    let span: { start: number; end: number; source: PlannedItem['source'] } | null = null;
    if (d.window)
      span = { start: Date.parse(d.window.startsAt), end: Date.parse(d.window.endsAt), source: 'joint_window' };
    else if (fromChanges.length)
      span = {
        start: Math.min(...fromChanges.map((c) => c.start)),
        end: Math.max(...fromChanges.map((c) => c.end)),
        source: 'changes',
      };
    else if (lastDeployment) {
      const at = Date.parse(lastDeployment.at);
      span = { start: at, end: at + HOUR, source: 'deployment' };
    }
    if (span)
      items.push({
        ...base,
        kind: 'release',
        startsAt: new Date(span.start),
        endsAt: new Date(span.end),
        source: span.source,
        jointWindow,
      });
  }
  return items
    .filter((i) => i.startsAt < to && i.endsAt > from)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.ref.localeCompare(b.ref));
}
