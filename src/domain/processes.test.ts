import { describe, expect, it } from 'vitest';
import { checklistAfterRollback, windowRefusal, type JointWindow } from './processes.ts';

const at = (iso: string) => Date.parse(iso);
const window = (status: JointWindow['status']): JointWindow => ({
  id: 'w',
  startsAt: '2026-06-01T20:00:00.000Z',
  endsAt: '2026-06-01T22:00:00.000Z',
  status,
  proposedBy: 'EU',
  decisions: [],
});
const joint = (status: JointWindow['status'] = 'accepted') => ({
  affectedParties: ['EU', 'CH'],
  window: window(status),
});

describe('release rules', () => {
  it('deploys a joint release only inside its accepted window; an emergency change outside it only with a reason (REL-2, REL-4)', () => {
    const normal = { change: false };
    expect(windowRefusal(joint('proposed'), at('2026-06-01T21:00:00Z'), normal)).toEqual({
      code: 'release.window_required',
    });
    expect(windowRefusal(joint(), at('2026-06-01T19:59:59Z'), normal)).toMatchObject({
      code: 'release.outside_window',
      emergency: false,
    });
    expect(windowRefusal(joint(), at('2026-06-01T20:00:00Z'), normal)).toBeNull();
    expect(windowRefusal(joint(), at('2026-06-01T21:59:59Z'), normal)).toBeNull();
    expect(windowRefusal(joint(), at('2026-06-01T22:00:00Z'), normal)).toMatchObject({
      code: 'release.outside_window',
    });
    expect(windowRefusal(joint(), at('2026-06-02T08:00:00Z'), { change: false, reason: 'hurry' })).not.toBeNull();
    expect(windowRefusal(joint(), at('2026-06-02T08:00:00Z'), { change: true })).toMatchObject({ emergency: true });
    expect(windowRefusal(joint(), at('2026-06-02T08:00:00Z'), { change: true, reason: '  ' })).not.toBeNull();
    expect(windowRefusal(joint(), at('2026-06-02T08:00:00Z'), { change: true, reason: 'Outage' })).toBeNull();
    // A release of one party needs no joint window.
    expect(windowRefusal({ affectedParties: ['EU'], window: null }, at('2026-06-02T08:00:00Z'), normal)).toBeNull();
  });

  it('clears the checklist items that verified a rolled-back deployment and names them (REL-5)', () => {
    const tick = { by: 'A', at: '2026-06-01T21:00:00Z' };
    const { checklist, cleared } = checklistAfterRollback({
      feedbackCollected: tick,
      lessonsLearned: tick,
      handedOver: tick,
      knownErrorsDocumented: tick,
    });
    expect(cleared).toEqual(['feedbackCollected', 'handedOver']);
    expect(Object.keys(checklist).sort()).toEqual(['knownErrorsDocumented', 'lessonsLearned']);
    expect(checklistAfterRollback({}).cleared).toEqual([]);
  });
});
