import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Client } from '../helpers/client.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { useServer } from '../helpers/suite.ts';

const DAY = 86_400_000;

interface DateItem {
  kind: 'meeting' | 'contact_confirmation';
  title: string;
  party: string;
}

/** COL-5: expert meetings and contact confirmations are on the calendar and in the feed, within clearance. */
describe.each(STORE_KINDS)('cooperation dates on the calendar (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euManager = as('eu.manager'); // SENSITIVE
  const euAdmin = as('eu.admin');
  const euJunior = as('eu.agent2'); // LIMITED
  const chAgent = as('ch.agent');

  const datesOf = async (who: Client, extra = '') => {
    const from = encodeURIComponent(new Date(Date.now() - DAY).toISOString());
    const to = encodeURIComponent(new Date(Date.now() + 400 * DAY).toISOString());
    const reply = await who.get(`/cooperation-dates?from=${from}&to=${to}${extra}`);
    expect(reply.status).toBe(200);
    return (reply.body.items as DateItem[]).map((d) => `${d.kind}:${d.party}:${d.title}`);
  };

  it('shows meetings within clearance and a party’s contacts falling due, in the API and the iCalendar feed', async () => {
    const meeting = (title: string, sensitivity: string) =>
      euManager.post('/meetings', {
        title,
        startsAt: new Date(Date.now() + 20 * DAY).toISOString(),
        location: 'Vienna',
        agenda: 'Threats',
        participants: [{ party: 'EU', name: 'EU expert' }],
        exchangeIds: [],
        sensitivity,
      });
    expect((await meeting('Experts open', 'LIMITED')).status).toBe(201);
    expect((await meeting('Experts restricted', 'SENSITIVE')).status).toBe(201);
    const contact = await euAdmin.post('/contacts', {
      level: 'technical',
      structure: 'EU Registry operations',
      name: 'EU technical lead',
      channels: ['desk'],
    });
    expect(contact.status).toBe(201);

    const eu = await datesOf(euManager);
    expect(eu).toContain('meeting:EU:Experts open');
    expect(eu).toContain('meeting:EU:Experts restricted');
    expect(eu).toContain('contact_confirmation:EU:EU technical lead');
    // A LIMITED reader: the open meeting only.
    const junior = await datesOf(euJunior);
    expect(junior).toContain('meeting:EU:Experts open');
    expect(junior).not.toContain('meeting:EU:Experts restricted');
    // The other party: its own contacts by default, EU's when it asks (the directory is shared).
    expect(await datesOf(chAgent)).not.toContain('contact_confirmation:EU:EU technical lead');
    expect(await datesOf(chAgent, '&party=EU')).toContain('contact_confirmation:EU:EU technical lead');
    expect((await chAgent.get('/cooperation-dates?from=x&to=y')).status).toBe(400);

    const { body } = await euJunior.post('/me/calendar-feed', {});
    const text = await (await fetch(`${server.url}${body.url}`)).text();
    const summaries = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e).summary);
    expect(summaries).toContain('Expert meeting: Experts open');
    expect(summaries).not.toContain('Expert meeting: Experts restricted');
    expect(summaries).toContain('Confirm contact: EU technical lead (technical)');
  });
});
