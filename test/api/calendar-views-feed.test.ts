import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Client } from '../helpers/client.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { useServer } from '../helpers/suite.ts';
import { calendarItems } from '../../src/web/app/calendar/calendarItems.ts';

const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

/** COL-5: the console's month and week views of a party hold the same items as the party's iCalendar feed. */
describe.each(STORE_KINDS)('calendar views and iCalendar feed: the same items (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euChange = as('eu.change');
  const chChange = as('ch.change');
  const euManager = as('eu.manager');
  const euAdmin = as('eu.admin');

  /** The ids of the items the views show for EU over [from, to), as the console builds them. */
  async function viewIds(who: Client, from: string, to: string): Promise<string[]> {
    const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&party=EU`;
    const [windows, work, dates] = await Promise.all(
      ['/maintenance-windows', '/planned-work', '/cooperation-dates'].map((path) => who.get(`${path}?${range}`)),
    );
    for (const reply of [windows, work, dates]) expect(reply!.status).toBe(200);
    return calendarItems(windows!.body.items as never, work!.body.items as never, dates!.body.items as never)
      .map((item) => item.id)
      .sort();
  }

  /** The ids (`<id>@passerelle`) of the feed's events overlapping [from, to). */
  async function feedIds(who: Client, from: string, to: string): Promise<string[]> {
    const { body } = await who.post('/me/calendar-feed', {});
    const text = await (await fetch(`${server.url}${body.url}`)).text();
    return new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .filter((e) => {
        const start = e.startDate.toJSDate().getTime();
        const end = e.endDate ? e.endDate.toJSDate().getTime() : start;
        return start < Date.parse(to) && end > Date.parse(from);
      })
      .map((e) => e.uid.replace(/@passerelle$/, ''))
      .sort();
  }

  it('for a month ahead and for the next year’s contact confirmations', async () => {
    const post = async (who: Client, path: string, body: Record<string, unknown>) => {
      const reply = await who.post(path, body);
      expect(reply.status, `${path} ${JSON.stringify(reply.body)}`).toBeLessThan(300);
      return reply.body;
    };
    const window = await post(euChange, '/maintenance-windows', {
      title: 'EU link patching',
      startsAt: at(5),
      endsAt: at(5, 2),
    });
    const chOnly = await post(chChange, '/maintenance-windows', {
      title: 'CH storage',
      startsAt: at(6),
      endsAt: at(6, 2),
    });
    const change = async (title: string, parties: string[], days: number) => {
      const created = await post(euChange, '/changes', {
        title,
        service: 'link',
        impact: 'I3',
        criticality: 'C3',
        kind: 'normal',
        origin: { kind: 'maintenance' },
      });
      await post(euChange, `/tickets/${created.ref}/actions/assess`, {
        risk: 'low',
        impactAnalysis: 'Restart.',
        affectedServices: ['link'],
        affectedParties: parties,
        plannedStart: at(days),
        plannedEnd: at(days, 2),
        implementationPlan: 'Deploy.',
        rollbackPlan: 'Redeploy.',
      });
      return created as { id: string; ref: string };
    };
    const euOnly = await change('Patch EU firewall', ['EU'], 10);
    const joint = await change('Upgrade the link', ['EU', 'CH'], 12);
    await post(euChange, `/tickets/${joint.ref}/actions/submit`, {});
    await post(chChange, `/tickets/${joint.ref}/actions/review_assessment`, { agree: true, comment: 'ok' });
    await post(euChange, `/tickets/${joint.ref}/actions/approve`, {});
    await post(chChange, `/tickets/${joint.ref}/actions/approve`, {});
    const release = await post(euChange, '/releases', { title: 'Link 3.0', service: 'link', changes: [joint.ref] });
    await post(euChange, `/tickets/${release.ref}/actions/propose_window`, { startsAt: at(14), endsAt: at(14, 3) });
    const meeting = await post(euManager, '/meetings', {
      title: 'Experts',
      startsAt: at(20),
      location: 'Vienna',
      agenda: 'Threats',
      participants: [{ party: 'EU', name: 'EU expert' }],
      exchangeIds: [],
    });
    const contact = await post(euAdmin, '/contacts', {
      level: 'technical',
      structure: 'EU Registry operations',
      name: 'EU technical lead',
      channels: ['desk'],
    });

    // The next month: windows, changes, the release and its proposed joint window, the meeting.
    const month = [at(-1), at(30)] as const;
    const shown = await viewIds(euChange, ...month);
    expect(shown).toEqual(await feedIds(euChange, ...month));
    for (const id of [window.id, euOnly.id, joint.id, release.id, meeting.id]) expect(shown).toContain(id);
    const jointWindow = (
      await euChange.get(
        `/maintenance-windows?from=${encodeURIComponent(at(13))}&to=${encodeURIComponent(at(15))}&party=CH`,
      )
    ).body.items as { id: string; joint: boolean }[];
    expect(
      jointWindow
        .filter((w) => w.joint)
        .map((w) => w.id)
        .every((id) => shown.includes(id)),
    ).toBe(true);
    expect(jointWindow.some((w) => w.joint)).toBe(true);
    // CH's own window is on CH's calendar, not EU's.
    expect(shown).not.toContain(chOnly.id);
    expect(shown.some((id) => id.endsWith('-confirmation'))).toBe(false);

    // The contact's yearly confirmation falls due within the next 400 days, in both.
    const year = [at(300), at(400)] as const;
    const later = await viewIds(euChange, ...year);
    expect(later).toEqual(await feedIds(euChange, ...year));
    expect(later).toContain(`${contact.id}-confirmation`);
  });
});
