import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
const assessment = (parties: string[], start: number, end: number) => ({
  risk: 'low',
  impactAnalysis: 'Restart of the link endpoint.',
  affectedServices: ['link'],
  affectedParties: parties,
  plannedStart: hours(start),
  plannedEnd: hours(end),
  implementationPlan: 'Deploy.',
  rollbackPlan: 'Redeploy the previous build.',
});

interface Item {
  kind: string;
  ref: string;
  source: string;
  jointWindow: string | null;
  startsAt: string;
  endsAt: string;
}

/** COL-5: changes and releases are on the calendar and in the iCalendar feed, joint window or not. */
describe.each(STORE_KINDS)('planned work on the calendar (%s)', (kind) => {
  let server: TestServer;
  let euChange: Client;
  let chChange: Client;
  let euJunior: Client; // LIMITED clearance
  let joint: string;
  let euOnly: string;
  let secret: string;

  const change = async (who: Client, title: string, parties: string[], start: number, sensitivity = 'LIMITED') => {
    const created = await who.post('/changes', {
      title,
      service: 'link',
      impact: 'I3',
      criticality: 'C3',
      kind: 'normal',
      origin: { kind: 'maintenance' },
      sensitivity,
    });
    expect(created.status).toBe(201);
    expect(
      (await who.post(`/tickets/${created.body.ref}/actions/assess`, assessment(parties, start, start + 2))).status,
    ).toBe(200);
    return created.body.ref as string;
  };
  const items = async (who: Client) => {
    const reply = await who.get(
      `/planned-work?from=${encodeURIComponent(hours(-1))}&to=${encodeURIComponent(hours(24 * 30))}`,
    );
    expect(reply.status).toBe(200);
    return reply.body.items as Item[];
  };
  const feed = async (who: Client, party: string) => {
    const { body } = await who.post('/me/calendar-feed', {});
    const text = await (
      await fetch(`${server.url}${body.url.replace(/parties\/[A-Z]+\//, `parties/${party}/`)}`)
    ).text();
    return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euChange, chChange, euJunior] = await Promise.all([
      signIn(server.url, 'eu.change'),
      signIn(server.url, 'ch.change'),
      signIn(server.url, 'eu.agent2'),
    ]);
    euOnly = await change(euChange, 'Patch EU firewall', ['EU'], 24);
    secret = await change(euChange, 'Rotate EU signing key', ['EU'], 30, 'SENSITIVE');
    joint = await change(euChange, 'Upgrade the link', ['EU', 'CH'], 48);
    await euChange.post(`/tickets/${joint}/actions/submit`, {});
    await chChange.post(`/tickets/${joint}/actions/review_assessment`, { agree: true, comment: 'ok' });
    await euChange.post(`/tickets/${joint}/actions/approve`, {});
    expect((await chChange.post(`/tickets/${joint}/actions/approve`, {})).body.status).toBe('approved');
  });
  afterAll(() => server.close());

  it('shows an assessed change by its planned dates, without any joint window, to the parties that may see it', async () => {
    const eu = await items(euChange);
    expect(eu.find((i) => i.ref === euOnly)).toMatchObject({ kind: 'change', source: 'assessment', jointWindow: null });
    expect(eu.map((i) => i.ref)).toContain(secret);
    expect((await items(chChange)).map((i) => i.ref)).not.toContain(euOnly);
    const junior = (await items(euJunior)).map((i) => i.ref);
    expect(junior).toContain(euOnly);
    expect(junior).not.toContain(secret);
  });

  it('places a release by its changes until it has a joint window, then by the window', async () => {
    const release = await euChange.post('/releases', { title: 'Link 3.0', service: 'link', changes: [joint] });
    expect(release.status).toBe(201);
    const rel: string = release.body.ref;
    for (const who of [euChange, chChange]) {
      expect((await items(who)).find((i) => i.ref === rel)).toMatchObject({
        kind: 'release',
        source: 'changes',
        jointWindow: null,
      });
    }
    const [startsAt, endsAt] = [hours(72), hours(74)];
    const proposed = await euChange.post(`/tickets/${rel}/actions/propose_window`, { startsAt, endsAt });
    expect(proposed.status).toBe(200);
    const placed = (await items(chChange)).find((i) => i.ref === rel)!;
    expect(placed).toMatchObject({ source: 'joint_window', jointWindow: 'proposed' });
    expect([Date.parse(placed.startsAt), Date.parse(placed.endsAt)]).toEqual([
      Date.parse(startsAt),
      Date.parse(endsAt),
    ]);
  });

  it("puts a party's changes and releases in its iCalendar feed, as its owner may see them", async () => {
    const euFeed = await feed(euChange, 'EU');
    expect(euFeed.some((s) => s.includes(euOnly) && s.includes('Patch EU firewall'))).toBe(true);
    expect(euFeed.some((s) => s.includes(secret))).toBe(true);
    expect(euFeed.some((s) => s.includes(joint))).toBe(true);
    const juniorFeed = await feed(euJunior, 'EU');
    expect(juniorFeed.some((s) => s.includes(euOnly))).toBe(true);
    expect(juniorFeed.some((s) => s.includes(secret))).toBe(false);
    const chFeed = await feed(chChange, 'CH');
    expect(chFeed.some((s) => s.includes(joint))).toBe(true);
    expect(chFeed.some((s) => s.includes(euOnly))).toBe(false);
    // CH reading EU's feed sees EU's windows but none of EU's own changes.
    expect((await feed(chChange, 'EU')).some((s) => s.includes(euOnly))).toBe(false);
  });
});
