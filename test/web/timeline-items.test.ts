import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/contract/schemas.ts';
import { shownItem, timelineItems } from '../../src/web/app/ticket/timelineItems.ts';

const AGENT = { id: '00000000-0000-4000-8000-000000000001', name: 'EU Agent' };
const OTHER = { id: '00000000-0000-4000-8000-000000000002', name: 'CH Agent' };

let seq = 0;
/** A timeline entry of `kind` by `actor` at second `at` (data left out: only the grouping is looked at). */
function entry(kind: string, at: number, actor = AGENT): TimelineEntry {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    kind,
    data: {},
    visibility: 'shared',
    actor,
    party: actor === AGENT ? 'EU' : 'CH',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, at)).toISOString(),
  } as unknown as TimelineEntry;
}

const shape = (entries: TimelineEntry[]) =>
  timelineItems(entries).map((item) => [item.lead.kind, ...item.statusChanges.map((s) => s.kind)]);

describe('timeline items: status changes folded into the action that caused them', () => {
  it('folds a status change into the entry appended with it, and keeps lone status changes', () => {
    seq = 0;
    const entries = [
      entry('created', 0),
      entry('assigned', 10),
      entry('status_changed', 10),
      entry('comment', 20),
      entry('status_changed', 30),
      entry('comment', 40),
      entry('resolved', 40),
      entry('status_changed', 40),
    ];
    expect(shape(entries)).toEqual([
      ['created'],
      ['assigned', 'status_changed'],
      ['comment'],
      ['status_changed'],
      ['comment'],
      ['resolved', 'status_changed'],
    ]);
    // Given out of order, read in sequence order all the same.
    expect(shape([...entries].reverse())).toEqual(shape(entries));
  });

  it('does not fold across authors or instants', () => {
    seq = 0;
    expect(shape([entry('assigned', 0), entry('status_changed', 0, OTHER), entry('status_changed', 1)])).toEqual([
      ['assigned'],
      ['status_changed'],
      ['status_changed'],
    ]);
  });

  it('folds into a comment when the action wrote nothing else, and filters comments and changes', () => {
    seq = 0;
    const items = timelineItems([entry('comment', 0), entry('status_changed', 0), entry('comment', 5)]);
    expect(items.map((i) => [i.lead.kind, i.statusChanges.length])).toEqual([
      ['comment', 1],
      ['comment', 0],
    ]);
    expect(items.filter((i) => shownItem(i, 'comments'))).toHaveLength(2);
    // The comment that moved the status is a change too; a plain comment is not.
    expect(items.filter((i) => shownItem(i, 'changes'))).toEqual([items[0]]);
    expect(items.filter((i) => shownItem(i, 'all'))).toHaveLength(2);
  });
});
