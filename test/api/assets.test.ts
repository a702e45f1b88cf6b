import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { createUser } from '../../src/services/parties/create-user.ts';
import { remindOverdueReviews } from '../../src/services/assets/remind-reviews.ts';
import { visibleAssetsByIds } from '../../src/store/assets.ts';
import { informationAssets } from '../../src/store/schema/index.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const DAY = 86_400_000;

/** A valid asset body, with overrides. */
function assetBody(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    description: 'Registry database',
    owner: 'Registry Operations',
    confidentiality: 'LOW',
    integrity: 'LOW',
    availability: 'LOW',
    ...overrides,
  };
}

/** ISM-1 … ISM-4: the inventory, the LIS, and clearance on every path; each rule tried by someone who should fail. */
describe.each(STORE_KINDS)('information assets and LIS (%s)', (kind) => {
  let server: TestServer;
  let euSec: Client;
  let chSec: Client;
  let euAdmin: Client;
  let chAdmin: Client;
  let euAgent: Client; // SENSITIVE, no inventory role
  let euAgent2: Client; // LIMITED
  let chAgent: Client; // SENSITIVE, other party
  let euAuditor: Client; // CRITICAL, read-only
  let euSecLow: Client; // a security officer with LIMITED clearance

  const create = async (client: Client, body: Record<string, unknown>) => {
    const reply = await client.post('/assets', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  const approvedCommon = async (body: Record<string, unknown>) => {
    const proposed = await create(euSec, { ...body, common: true });
    const approved = await chSec.post(`/assets/${proposed.id}/approve`, {});
    expect(approved.status).toBe(200);
    return approved.body;
  };
  const notes = async (client: Client, kind: string) =>
    (
      (await client.get('/notifications?limit=200')).body.items as {
        kind: string;
        subject: string;
        body: string;
        ticketRef: string | null;
      }[]
    ).filter((n) => n.kind === kind);

  beforeAll(async () => {
    server = await startTestServer(kind);
    csvBase.url = server.url;
    await createUser(server.db, {
      party: 'EU',
      username: 'eu.security.low',
      displayName: 'EU Junior Security Officer',
      password: DEMO_PASSWORD,
      roles: ['security_officer'],
      clearance: 'LIMITED',
    });
    const as = (username: string) => signIn(server.url, username);
    [euSec, chSec, euAdmin, chAdmin, euAgent, euAgent2, chAgent, euAuditor, euSecLow] = await Promise.all([
      as('eu.security'),
      as('ch.security'),
      as('eu.admin'),
      as('ch.admin'),
      as('eu.agent'),
      as('eu.agent2'),
      as('ch.agent'),
      as('eu.auditor'),
      as('eu.security.low'),
    ]);
  });
  afterAll(() => server.close());

  it('derives the ETS level from C/I/A (ISM-2) and puts sensitive or personal entries on the LIS', async () => {
    const limited = await create(euSec, assetBody('derive-limited'));
    expect(limited).toMatchObject({
      party: 'EU',
      common: false,
      sensitivity: 'LIMITED',
      lis: false,
      status: 'active',
      version: 1,
      allowedActions: ['update', 'review'],
    });
    expect(await create(euSec, assetBody('derive-medium', { integrity: 'MEDIUM' }))).toMatchObject({
      sensitivity: 'SENSITIVE',
      lis: true,
    });
    expect(
      await create(euSec, assetBody('derive-high', { availability: 'HIGH', confidentiality: 'MEDIUM' })),
    ).toMatchObject({ sensitivity: 'CRITICAL', lis: true });
    expect(await create(euSec, assetBody('derive-personal', { personalData: true }))).toMatchObject({
      sensitivity: 'LIMITED',
      personalData: true,
      lis: true,
    });
    const raised = await euSec.patch(`/assets/${limited.id}`, { version: 1, confidentiality: 'HIGH' });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ sensitivity: 'CRITICAL', lis: true, version: 2 });
    const lowered = await euSec.patch(`/assets/${limited.id}`, { confidentiality: 'LOW' }, { 'if-match': '"2"' });
    expect(lowered.body).toMatchObject({ sensitivity: 'LIMITED', lis: false, version: 3 });
  });

  it('refuses an ETS level typed by hand, naming the field', async () => {
    for (const sensitivity of ['LIMITED', 'CRITICAL', null]) {
      const typed = await euSec.post('/assets', { ...assetBody('typed'), sensitivity });
      expect(typed.status).toBe(400);
      expect(typed.body.error).toMatchObject({ code: 'validation.invalid', field: 'sensitivity' });
    }
    const fr = await euSec.post(
      '/assets',
      { ...assetBody('typed'), sensitivity: 'LIMITED' },
      { 'accept-language': 'fr' },
    );
    expect(fr.body.error.message).toContain('découle');
    const asset = await create(euSec, assetBody('typed-later'));
    const patched = await euSec.patch(`/assets/${asset.id}`, { version: 1, sensitivity: 'CRITICAL' });
    expect(patched.status).toBe(400);
    expect(patched.body.error.field).toBe('sensitivity');
    expect((await euSec.get(`/assets/${asset.id}`)).body).toMatchObject({ sensitivity: 'LIMITED', version: 1 });
    expect((await euSec.get('/assets?q=typed')).body.items.map((a: { name: string }) => a.name)).toEqual([
      'typed-later',
    ]);
  });

  it('lets only stewards write, never above their clearance, with optimistic versions', async () => {
    for (const client of [euAgent, euAgent2, euAuditor]) {
      const refused = await client.post('/assets', assetBody('not-a-steward'));
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth.forbidden');
    }
    const byAdmin = await create(euAdmin, assetBody('admin-limited'));
    expect(byAdmin.sensitivity).toBe('LIMITED');
    const tooHigh = await euAdmin.post('/assets', assetBody('admin-too-high', { confidentiality: 'MEDIUM' }));
    expect(tooHigh.status).toBe(403);
    expect(tooHigh.body.error).toMatchObject({ code: 'ticket.sensitivity_too_high', field: 'confidentiality' });
    const raise = await euAdmin.patch(`/assets/${byAdmin.id}`, { version: 1, integrity: 'HIGH' });
    expect(raise.status).toBe(403);
    expect(raise.body.error).toMatchObject({ code: 'ticket.sensitivity_too_high', field: 'integrity' });
    expect((await euAdmin.get(`/assets/${byAdmin.id}`)).body.integrity).toBe('LOW');
    // The other party's steward may not touch a party-specific asset: it does not exist for them.
    expect((await chSec.patch(`/assets/${byAdmin.id}`, { version: 1, name: 'hijack' })).status).toBe(404);
    expect((await chSec.post(`/assets/${byAdmin.id}/reviews`, { outcome: 'confirmed' })).status).toBe(404);
    const ok = await euSec.patch(`/assets/${byAdmin.id}`, { version: 1, notes: 'checked' });
    expect(ok.body.version).toBe(2);
    const stale = await euAdmin.patch(`/assets/${byAdmin.id}`, { version: 1, notes: 'stale' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('asset.version_conflict');
    const missing = await euAdmin.patch(`/assets/${byAdmin.id}`, { notes: 'no version' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('version');
    expect((await euSec.post(`/assets/${byAdmin.id}/reviews`, { outcome: 'confirmed', version: 1 })).status).toBe(409);
  });

  it('makes a common asset pending until the other party approves it, and refuses anyone else', async () => {
    const proposed = await create(euSec, assetBody('common-approval', { common: true, integrity: 'MEDIUM' }));
    expect(proposed).toMatchObject({
      common: true,
      status: 'pending',
      approvals: [{ party: 'CH', decision: null, by: null }],
      allowedActions: ['update', 'review'],
    });
    // The proposing party's own steward, a user of the other party without the role: refused.
    for (const client of [euSec, chAgent]) {
      const refused = await client.post(`/assets/${proposed.id}/approve`, {});
      expect(refused.status, 'approve').toBe(403);
      expect(refused.body.error.code).toBe('auth.forbidden');
    }
    // LIMITED admins may not even see this SENSITIVE common asset.
    for (const client of [euAdmin, chAdmin])
      expect((await client.post(`/assets/${proposed.id}/approve`, {})).status).toBe(404);
    // CH's security officer was told, and may approve.
    expect(
      (await notes(chSec, 'asset_approval_needed')).some(
        (n) => n.subject.includes('common-approval') && n.ticketRef === null,
      ),
    ).toBe(true);
    expect((await notes(chAgent, 'asset_approval_needed')).length).toBe(0);
    const seen = await chSec.get(`/assets/${proposed.id}`);
    expect(seen.body.allowedActions).toEqual(['update', 'approve', 'review']);
    const approved = await chSec.post(`/assets/${proposed.id}/approve`, {
      note: 'ownership agreed',
      version: seen.body.version,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'active',
      approvals: [{ party: 'CH', decision: 'approved', by: 'CH Security Officer', note: 'ownership agreed' }],
    });
    const again = await chSec.post(`/assets/${proposed.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('asset.approval_not_awaited');

    // A change of notes needs no approval; a change of owner or of C/I/A does, from the other party.
    const noted = await chSec.patch(`/assets/${proposed.id}`, { version: approved.body.version, notes: 'seen by CH' });
    expect(noted.body.status).toBe('active');
    const reowned = await chSec.patch(`/assets/${proposed.id}`, {
      version: noted.body.version,
      owner: 'CH Registry Application',
    });
    expect(reowned.body).toMatchObject({
      status: 'pending',
      owner: 'CH Registry Application',
      approvals: [{ party: 'EU', decision: null }],
    });
    expect((await chSec.post(`/assets/${proposed.id}/approve`, {})).status).toBe(403);
    const euOk = await euSec.post(`/assets/${proposed.id}/approve`, {});
    expect(euOk.body.status).toBe('active');
    const reclassified = await euSec.patch(`/assets/${proposed.id}`, {
      version: euOk.body.version,
      availability: 'HIGH',
    });
    expect(reclassified.body).toMatchObject({
      status: 'pending',
      sensitivity: 'CRITICAL',
      approvals: [{ party: 'CH', decision: null }],
    });

    // A refusal holds the asset until its proposer changes it, which asks again.
    const refusedOne = await create(euSec, assetBody('common-refused', { common: true }));
    const refusal = await chAdmin.post(`/assets/${refusedOne.id}/approve`, { decision: 'refused', note: 'not ours' });
    expect(refusal.body).toMatchObject({
      status: 'refused',
      approvals: [{ party: 'CH', decision: 'refused', by: 'CH Administrator' }],
    });
    const reproposed = await euSec.patch(`/assets/${refusedOne.id}`, {
      version: refusal.body.version,
      description: 'clarified',
    });
    expect(reproposed.body).toMatchObject({ status: 'pending', approvals: [{ party: 'CH', decision: null }] });
  });

  it('applies party and clearance on every read path: get, list, count, search, LIS, CSV, reviews, writes', async () => {
    const m = `zebra${Date.now()}`;
    const euLim = await create(euSec, assetBody(`${m}-eu-limited`, { personalData: true }));
    const euSens = await create(euSec, assetBody(`${m}-eu-sensitive`, { confidentiality: 'MEDIUM' }));
    const euCrit = await create(euSec, assetBody(`${m}-eu-critical`, { confidentiality: 'HIGH' }));
    const common = await approvedCommon(assetBody(`${m}-common-sensitive`, { integrity: 'MEDIUM' }));
    const all = [euLim, euSens, euCrit, common];
    const matrix: [string, Client, string[]][] = [
      ['eu.security', euSec, [euLim, euSens, euCrit, common].map((a) => a.id)],
      ['eu.auditor', euAuditor, [euLim, euSens, euCrit, common].map((a) => a.id)],
      ['eu.agent', euAgent, [euLim, euSens, common].map((a) => a.id)],
      ['eu.agent2', euAgent2, [euLim.id]],
      ['ch.agent', chAgent, [common.id]],
      ['ch.admin', chAdmin, []],
    ];
    for (const [who, client, visible] of matrix) {
      const list = await client.get(`/assets?q=${m}`);
      expect(list.body.items.map((a: { id: string }) => a.id).sort(), who).toEqual([...visible].sort());
      expect(list.body.total, who).toBe(visible.length);
      const lis = await client.get(`/assets?q=${m}&lis=true&limit=1`);
      expect(lis.body.total, who).toBe(visible.length);
      const byParty = await client.get(`/assets?q=${m}&party=EU&common=false`);
      expect(byParty.body.items.map((a: { id: string }) => a.id).sort(), who).toEqual(
        visible.filter((id) => id !== common.id).sort(),
      );
      const csv = await fetchCsv(client, `/assets.csv?q=${m}`);
      for (const asset of all)
        expect(csv.includes(asset.id), `${who} csv ${asset.name}`).toBe(visible.includes(asset.id));
      for (const asset of all) {
        const expected = visible.includes(asset.id) ? 200 : 404;
        expect((await client.get(`/assets/${asset.id}`)).status, `${who} get ${asset.name}`).toBe(expected);
        expect((await client.get(`/assets/${asset.id}/reviews`)).status, `${who} reviews ${asset.name}`).toBe(expected);
        if (expected === 404) {
          const got = await client.get(`/assets/${asset.id}`);
          expect(got.body.error.code).toBe('asset.not_found');
          expect((await client.patch(`/assets/${asset.id}`, { version: 1, notes: 'x' })).status).toBe(404);
          expect((await client.post(`/assets/${asset.id}/reviews`, { outcome: 'confirmed' })).status).toBe(404);
          expect((await client.post(`/assets/${asset.id}/approve`, {})).status).toBe(404);
        }
      }
    }
    // The auditor reads everything their clearance covers and changes nothing.
    const audited = await euAuditor.get(`/assets/${euCrit.id}`);
    expect(audited.body.allowedActions).toEqual([]);
    expect((await euAuditor.patch(`/assets/${euCrit.id}`, { version: 1, notes: 'x' })).status).toBe(403);
    expect((await euAuditor.post(`/assets/${euCrit.id}/reviews`, { outcome: 'confirmed' })).status).toBe(403);
    expect((await euAgent.post(`/assets/${euSens.id}/reviews`, { outcome: 'confirmed' })).status).toBe(403);
    // Unknown or forged identifiers: 404; garbage: 400.
    expect((await euSec.get(`/assets/${randomUUID()}`)).status).toBe(404);
    expect((await euSec.get('/assets/not-a-uuid')).status).toBe(400);
  });

  it('answers visibleAssetsByIds with only the assets that exist and that the actor may see', async () => {
    const m = `byids${Date.now()}`;
    const euSens = await create(euSec, assetBody(`${m}-eu`, { integrity: 'MEDIUM' }));
    const common = await approvedCommon(assetBody(`${m}-common`));
    const ids = [euSens.id, common.id, randomUUID(), 'not-a-uuid', common.id];
    const idsOf = async (actor: { party: string; clearance: 'LIMITED' | 'SENSITIVE' | 'CRITICAL' }) =>
      (await visibleAssetsByIds(server.db, actor, ids)).map((a) => a.id).sort();
    expect(await idsOf({ party: 'EU', clearance: 'SENSITIVE' })).toEqual([euSens.id, common.id].sort());
    expect(await idsOf({ party: 'EU', clearance: 'LIMITED' })).toEqual([common.id]);
    expect(await idsOf({ party: 'CH', clearance: 'CRITICAL' })).toEqual([common.id]);
    expect(await visibleAssetsByIds(server.db, { party: 'EU', clearance: 'CRITICAL' }, [])).toEqual([]);
  });

  it('exports the LIS as CSV: only entries on the LIS, only what the reader may see', async () => {
    const m = `csv${Date.now()}`;
    const plain = await create(euSec, assetBody(`${m}-not-on-lis`));
    const personal = await create(euSec, assetBody(`${m}-personal, "quoted"`, { personalData: true, notes: '=cmd()' }));
    const critical = await create(euSec, assetBody(`${m}-critical`, { integrity: 'HIGH' }));
    const asSec = await fetchCsv(euSec, `/assets.csv?q=${m}`);
    const lines = asSec.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,party,common,name,description,owner,confidentiality,integrity,availability,sensitivity,' +
        'personal_data,notes,parts,status,review_interval_days,next_review_at,overdue',
    );
    expect(lines).toHaveLength(3);
    expect(asSec).not.toContain(plain.id);
    expect(asSec).toContain(`"${m}-personal, ""quoted"""`);
    expect(asSec).toContain("'=cmd()");
    expect(asSec).toContain(`${critical.id},EU,false,${m}-critical`);
    const asJunior = await fetchCsv(euAgent2, `/assets.csv?q=${m}`);
    expect(asJunior).toContain(personal.id);
    expect(asJunior).not.toContain(critical.id);
    expect(await fetchCsv(chAgent, `/assets.csv?q=${m}`)).toBe(`${lines[0]}\r\n`);
  });

  it('registers aggregates above their parts, and lists only the parts a reader may see (ISM-3)', async () => {
    const m = `agg${Date.now()}`;
    const table = await create(euSec, assetBody(`${m}-eu-table`, { confidentiality: 'MEDIUM' }));
    const secret = await create(euSec, assetBody(`${m}-eu-secret`, { confidentiality: 'HIGH' }));
    const shared = await approvedCommon(assetBody(`${m}-common-table`));
    const chOwn = await create(chSec, assetBody(`${m}-ch-table`));

    const whole = await create(
      euSec,
      assetBody(`${m}-database`, { confidentiality: 'HIGH', parts: [table.id, shared.id] }),
    );
    expect(whole).toMatchObject({
      sensitivity: 'CRITICAL',
      parts: [
        { id: table.id, name: `${m}-eu-table`, sensitivity: 'SENSITIVE' },
        { id: shared.id, common: true },
      ],
    });
    const below = await euSec.post(
      '/assets',
      assetBody(`${m}-below`, { confidentiality: 'MEDIUM', parts: [secret.id] }),
    );
    expect(below.status).toBe(400);
    expect(below.body.error).toMatchObject({ field: 'parts' });
    const otherParty = await euSec.post('/assets', assetBody(`${m}-foreign`, { parts: [shared.id, chOwn.id] }));
    expect(otherParty.status).toBe(400);
    expect(otherParty.body.error.field).toBe('parts.1');
    const unknown = await euSec.post('/assets', assetBody(`${m}-unknown`, { parts: [randomUUID()] }));
    expect(unknown.body.error.field).toBe('parts.0');
    const self = await euSec.patch(`/assets/${whole.id}`, { version: 1, parts: [whole.id] });
    expect(self.body.error.field).toBe('parts.0');
    // Lowering the aggregate below a part is refused too.
    expect((await euSec.patch(`/assets/${whole.id}`, { version: 1, confidentiality: 'LOW' })).status).toBe(400);
    // EU's LIMITED admin may not use a SENSITIVE part it cannot see.
    expect((await euAdmin.post('/assets', assetBody(`${m}-by-admin`, { parts: [table.id] }))).body.error.field).toBe(
      'parts.0',
    );

    // A common aggregate: CH reads it with the common part only, and editing its parts keeps the hidden one.
    const commonWhole = await approvedCommon(
      assetBody(`${m}-link-db`, { integrity: 'MEDIUM', parts: [table.id, shared.id] }),
    );
    const asCh = await chAgent.get(`/assets/${commonWhole.id}`);
    expect(asCh.body.parts.map((p: { id: string }) => p.id)).toEqual([shared.id]);
    expect(JSON.stringify(asCh.body)).not.toContain(table.id);
    expect(await fetchCsv(chAgent, `/assets.csv?q=${m}-link-db`)).not.toContain(`${m}-eu-table`);
    expect(await fetchCsv(euAgent, `/assets.csv?q=${m}-link-db`)).toContain(`${m}-eu-table; ${m}-common-table`);
    const listed = await chAgent.get(`/assets?q=${m}-link-db`);
    expect(listed.body.items[0].parts).toHaveLength(1);
    const cleared = await chSec.patch(`/assets/${commonWhole.id}`, { version: asCh.body.version, parts: [] });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ parts: [], status: 'active' });
    expect((await euSec.get(`/assets/${commonWhole.id}`)).body.parts.map((p: { id: string }) => p.id)).toEqual([
      table.id,
    ]);
  });

  it('records reviews with their history, reminds the party’s cleared security officers once per overdue period', async () => {
    const m = `review${Date.now()}`;
    const t0 = Date.now();
    const limited = await create(euSec, assetBody(`${m}-limited`, { reviewIntervalDays: 30 }));
    const critical = await create(
      euSec,
      assetBody(`${m}-critical`, { confidentiality: 'HIGH', reviewIntervalDays: 30 }),
    );
    expect(Math.abs(Date.parse(limited.nextReviewAt) - (t0 + 30 * DAY))).toBeLessThan(60_000);
    const ours = <T extends { body: string }>(items: T[]) => items.filter((n) => n.body.includes(m));

    // Not due yet: nothing.
    await remindOverdueReviews(server.db, new Date(t0 + 29 * DAY));
    expect(ours(await notes(euSec, 'asset_review_due'))).toHaveLength(0);
    // Due: EU's security officers, each only about what their clearance covers; nobody else.
    await remindOverdueReviews(server.db, new Date(t0 + 31 * DAY));
    const toSec = ours(await notes(euSec, 'asset_review_due'));
    expect(toSec.map((n) => n.subject).sort()).toEqual([`Review due: ${m}-critical`, `Review due: ${m}-limited`]);
    expect(ours(await notes(euSecLow, 'asset_review_due')).map((n) => n.subject)).toEqual([`Review due: ${m}-limited`]);
    for (const client of [chSec, euAdmin, euAgent, euAuditor])
      expect(ours(await notes(client, 'asset_review_due'))).toHaveLength(0);
    // Once per overdue period.
    await remindOverdueReviews(server.db, new Date(t0 + 32 * DAY));
    expect(ours(await notes(euSec, 'asset_review_due'))).toHaveLength(2);

    // The reminder vanishes for a recipient once the asset is classified above their clearance.
    await euSec.patch(`/assets/${limited.id}`, { version: 1, integrity: 'MEDIUM' });
    expect(ours(await notes(euSecLow, 'asset_review_due'))).toHaveLength(0);
    expect(ours(await notes(euSec, 'asset_review_due'))).toHaveLength(2);

    // A review records history and starts a new period from now.
    const reviewed = await euSec.post(`/assets/${critical.id}/reviews`, {
      outcome: 'confirmed',
      note: 'still accurate',
    });
    expect(reviewed.status).toBe(201);
    expect(reviewed.body.review).toMatchObject({
      outcome: 'confirmed',
      note: 'still accurate',
      reviewer: { name: 'EU Security Officer' },
    });
    expect(Date.parse(reviewed.body.asset.nextReviewAt)).toBeGreaterThanOrEqual(t0 + 30 * DAY);
    const changed = await euSec.post(`/assets/${critical.id}/reviews`, {
      outcome: 'changed',
      note: 'owner renamed',
      version: reviewed.body.asset.version,
    });
    expect(changed.status).toBe(201);
    const history = await euAuditor.get(`/assets/${critical.id}/reviews`);
    expect(history.body.items.map((r: { outcome: string }) => r.outcome)).toEqual(['changed', 'confirmed']);
    expect((await euAgent2.get(`/assets/${critical.id}/reviews`)).status).toBe(404);
    // Reviewed: no reminder until the new period is over, then one again.
    await remindOverdueReviews(server.db, new Date(t0 + 29 * DAY));
    expect(ours(await notes(euSec, 'asset_review_due'))).toHaveLength(2);
    await remindOverdueReviews(server.db, new Date(Date.now() + 31 * DAY));
    expect(
      ours(await notes(euSec, 'asset_review_due')).filter((n) => n.subject.endsWith(`${m}-critical`)),
    ).toHaveLength(2);

    // overdue=true lists what is due now.
    await server.db
      .update(informationAssets)
      .set({ nextReviewAt: new Date(Date.now() - DAY) })
      .where(eq(informationAssets.id, limited.id));
    const overdue = await euSec.get(`/assets?q=${m}&overdue=true`);
    expect(overdue.body.items.map((a: { id: string; overdue: boolean }) => [a.id, a.overdue])).toEqual([
      [limited.id, true],
    ]);
    expect((await euAgent2.get(`/assets?q=${m}&overdue=true`)).body.total).toBe(0);

    // Retired: off the LIS, no longer changed, reviewed or reminded.
    const current = (await euSec.get(`/assets/${limited.id}`)).body;
    const retired = await euSec.post(`/assets/${limited.id}/reviews`, {
      outcome: 'retired',
      note: 'decommissioned',
      version: current.version,
    });
    expect(retired.body.asset).toMatchObject({ status: 'retired', allowedActions: [], overdue: false });
    expect((await euSec.get(`/assets?q=${m}-limited&lis=true`)).body.total).toBe(0);
    expect(
      (await euSec.patch(`/assets/${limited.id}`, { version: retired.body.asset.version, notes: 'x' })).body.error.code,
    ).toBe('asset.retired');
    expect((await euSec.post(`/assets/${limited.id}/reviews`, { outcome: 'confirmed' })).status).toBe(409);
  });

  it('reminds every party’s security officers of an overdue common asset', async () => {
    const m = `commonreview${Date.now()}`;
    const common = await approvedCommon(assetBody(`${m}`, { reviewIntervalDays: 7 }));
    await remindOverdueReviews(server.db, new Date(Date.parse(common.nextReviewAt) + 1000));
    for (const client of [euSec, chSec, euSecLow])
      expect((await notes(client, 'asset_review_due')).filter((n) => n.body.includes(m))).toHaveLength(1);
    for (const client of [chAgent, chAdmin])
      expect((await notes(client, 'asset_review_due')).filter((n) => n.body.includes(m))).toHaveLength(0);
    const fr = await signIn(server.url, 'ch.security');
    const inFrench = (await fr.get('/notifications', { 'accept-language': 'fr' })).body.items.find(
      (n: { body: string }) => n.body.includes(m),
    );
    expect(inFrench.subject).toBe(`Revue à faire : ${m}`);
  });
});

const tokens = new WeakMap<Client, Promise<string>>();

/** CSV through a raw fetch, with an API token of the client's user (the client itself parses JSON). */
async function fetchCsv(client: Client, path: string): Promise<string> {
  if (!tokens.has(client))
    tokens.set(
      client,
      client.post('/me/tokens', { name: 'csv' }).then((r) => r.body.token as string),
    );
  const base = csvBase.url;
  const response = await fetch(`${base}/api/v1${path}`, {
    headers: { authorization: `Bearer ${await tokens.get(client)!}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  return response.text();
}
const csvBase = { url: '' };
