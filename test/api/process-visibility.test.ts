import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

describe.each(STORE_KINDS)('who sees and acts on changes and releases (%s)', (kind) => {
  const { as } = useServer(kind);
  const euChange = as('eu.change');
  const chChange = as('ch.change');
  const chAgent = as('ch.agent');
  const euAgent2 = as('eu.agent2');

  async function approvedChange(parties: string[], sensitivity = 'LIMITED') {
    const ref = (
      await euChange.post('/changes', {
        title: `Change for ${parties.join('+')}`,
        service: 'link',
        impact: 'I3',
        criticality: 'C3',
        sensitivity,
        kind: 'normal',
        origin: { kind: 'maintenance' },
      })
    ).body.ref;
    await euChange.post(`/tickets/${ref}/actions/assess`, {
      risk: 'low',
      impactAnalysis: 'small',
      affectedServices: ['link'],
      affectedParties: parties,
      plannedStart: hours(30),
      plannedEnd: hours(31),
      implementationPlan: 'do',
      rollbackPlan: 'undo',
    });
    await euChange.post(`/tickets/${ref}/actions/submit`, {});
    if (parties.includes('CH'))
      await chChange.post(`/tickets/${ref}/actions/review_assessment`, { agree: true, comment: 'ok' });
    for (const who of parties.includes('CH') ? [euChange, chChange] : [euChange])
      await who.post(`/tickets/${ref}/actions/approve`, {});
    expect((await euChange.get(`/tickets/${ref}`)).body.status).toBe('approved');
    return ref;
  }

  it('keeps an EU-only change out of CH’s sight even inside a release CH takes part in', async () => {
    const euOnly = await approvedChange(['EU'], 'SENSITIVE');
    const joint = await approvedChange(['EU', 'CH']);
    const release = await euChange.post('/releases', {
      title: 'Mixed release',
      service: 'link',
      changes: [euOnly, joint],
    });
    expect(release.status).toBe(201);
    // The release is classified as high as its most sensitive change.
    expect(release.body).toMatchObject({ sensitivity: 'SENSITIVE', participants: ['EU', 'CH'] });
    const rel = release.body.ref;

    const chView = await chChange.get(`/tickets/${rel}`);
    expect(chView.status).toBe(200);
    expect(chView.body.details.changes.map((c: { ref: string }) => c.ref)).toEqual([joint]);
    expect(JSON.stringify(chView.body)).not.toContain(euOnly);
    expect((await chChange.get(`/tickets/${euOnly}`)).status).toBe(404);
    expect(
      (await chChange.get(`/tickets?type=change&q=${encodeURIComponent('EU')}`)).body.items.map(
        (t: { ref: string }) => t.ref,
      ),
    ).not.toContain(euOnly);
    // A CH user cannot act on the EU-only change, nor name it when building a release.
    expect((await chChange.post(`/tickets/${euOnly}/actions/approve`, {})).status).toBe(404);
    expect((await chChange.post('/releases', { title: 'Steal', service: 'link', changes: [euOnly] })).status).toBe(404);
    // An EU user without SENSITIVE clearance sees neither the release nor the change.
    expect((await euAgent2.get(`/tickets/${rel}`)).status).toBe(404);
    expect((await euAgent2.get('/tickets?type=release')).body.items.map((t: { ref: string }) => t.ref)).not.toContain(
      rel,
    );

    // The joint window names the release only to those who may see it.
    await euChange.post(`/tickets/${rel}/actions/propose_window`, { startsAt: hours(30), endsAt: hours(31) });
    const asLimited = await euAgent2.get(`/maintenance-windows?from=${hours(0)}&to=${hours(40)}`);
    const window = asLimited.body.items.find((w: { joint: boolean }) => w.joint);
    expect(window).toMatchObject({ status: 'proposed', releaseRef: null, title: 'Joint maintenance window' });
    expect(JSON.stringify(asLimited.body)).not.toContain('Mixed release');
    // A CH desk agent is not a window partner's release or change manager.
    expect((await chAgent.post(`/tickets/${rel}/actions/accept_window`, {})).status).toBe(403);
  });

  it('answers 404 for forged or unknown ids and 400 naming the field for bad bodies', async () => {
    expect((await euChange.get(`/tickets/${randomUUID()}`)).status).toBe(404);
    expect((await euChange.post(`/tickets/${randomUUID()}/actions/approve`, {})).status).toBe(404);
    expect(
      (await euChange.post('/releases', { title: 'x', service: 'link', changes: [randomUUID()] })).body.error,
    ).toMatchObject({ code: 'ticket.not_found', field: 'changes.0' });
    const badRisk = await euChange.post(
      '/changes',
      {
        title: 'x',
        service: 'link',
        impact: 'I3',
        criticality: 'C3',
        kind: 'sideways',
        origin: { kind: 'maintenance' },
      },
      { 'accept-language': 'fr' },
    );
    expect(badRisk.status).toBe(400);
    expect(badRisk.body.error.field).toBe('kind');
    const noSource = await euChange.post('/changes', {
      title: 'x',
      service: 'link',
      impact: 'I3',
      criticality: 'C3',
      kind: 'normal',
      origin: { kind: 'problem' },
    });
    expect(noSource.body.error).toMatchObject({ code: 'validation.required', field: 'origin.ticket' });
    const ref = (
      await euChange.post('/changes', {
        title: 'x',
        service: 'link',
        impact: 'I3',
        criticality: 'C3',
        kind: 'normal',
        origin: { kind: 'maintenance' },
      })
    ).body.ref;
    const late = await euChange.post(`/tickets/${ref}/actions/assess`, {
      risk: 'low',
      impactAnalysis: 'a',
      affectedServices: ['link'],
      affectedParties: ['CH'],
      plannedStart: hours(3),
      plannedEnd: hours(4),
      implementationPlan: 'a',
      rollbackPlan: 'b',
    });
    expect(late.body.error).toMatchObject({ code: 'validation.invalid', field: 'affectedParties' });
    const ghost = await euChange.post(`/tickets/${ref}/actions/assess`, {
      risk: 'low',
      impactAnalysis: 'a',
      affectedServices: ['link'],
      affectedParties: ['EU', 'XX'],
      plannedStart: hours(3),
      plannedEnd: hours(4),
      implementationPlan: 'a',
      rollbackPlan: 'b',
    });
    expect(ghost.body.error).toMatchObject({ code: 'party.not_found', field: 'affectedParties.1' });
    // None of the refused writes changed the change.
    expect((await euChange.get(`/tickets/${ref}`)).body).toMatchObject({ status: 'recorded', version: 1 });
  });
});
