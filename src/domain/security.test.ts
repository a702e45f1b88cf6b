import { describe, expect, it } from 'vitest';
import {
  minimumSensitivity,
  raisedSensitivity,
  regulatoryClocks,
  stageDeadline,
  TLP_FOR_SENSITIVITY,
  TLP_LEVELS,
  tlpFor,
} from './security.ts';
import { SENSITIVITIES } from './sensitivity.ts';
import { incidentBundle, TLP_MARKINGS, uuidV5 } from './stix.ts';

describe('ETS level → TLP 2.0 label (ISM-5)', () => {
  it('is a rule table covering every ETS level with a TLP 2.0 label', () => {
    expect(Object.keys(TLP_FOR_SENSITIVITY).sort()).toEqual([...SENSITIVITIES].sort());
    for (const level of SENSITIVITIES) expect(TLP_LEVELS).toContain(tlpFor(level));
    expect(TLP_FOR_SENSITIVITY).toEqual({ LIMITED: 'GREEN', SENSITIVE: 'AMBER', CRITICAL: 'RED' });
  });

  it('never labels anything classified CLEAR', () => {
    for (const level of SENSITIVITIES) expect(tlpFor(level)).not.toBe('CLEAR');
  });

  it('keeps SENSITIVE with the organisations (AMBER) and CRITICAL with named recipients (RED)', () => {
    expect(tlpFor('SENSITIVE')).toBe('AMBER');
    expect(tlpFor('CRITICAL')).toBe('RED');
  });

  it('never lowers the label when the level rises', () => {
    const rank = (level: (typeof SENSITIVITIES)[number]) => TLP_LEVELS.indexOf(tlpFor(level));
    expect(rank('LIMITED')).toBeLessThan(rank('SENSITIVE'));
    expect(rank('SENSITIVE')).toBeLessThan(rank('CRITICAL'));
  });

  it('uses the official OASIS TLP 2.0 marking definitions', () => {
    expect(Object.fromEntries(Object.entries(TLP_MARKINGS).map(([tlp, m]) => [tlp, m.id]))).toEqual({
      CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
      GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
      AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
      'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
    });
    expect(TLP_MARKINGS['AMBER+STRICT']).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: 'amber+strict',
        },
      },
    });
  });
});

describe('STIX bundle of an incident (ISM-5)', () => {
  const input = {
    id: '0b6c8f3e-6a43-4c41-9a0e-1f1d2c3b4a59',
    ref: 'EU-SEC-2026-000001',
    title: 'Intrusion',
    description: 'Seen at 07:40',
    sensitivity: 'SENSITIVE' as const,
    createdAt: new Date('2026-03-02T08:00:00Z'),
    updatedAt: new Date('2026-03-02T09:00:00Z'),
    parties: [{ id: 'EU', name: 'EU Registry' }],
    indicators: [
      { name: 'C2', pattern: "[ipv4-addr:value = '198.51.100.7']", recordedAt: new Date('2026-03-02T08:30:00Z') },
    ],
  };

  it('gives the same objects on every export, a new bundle id each time', () => {
    const a = incidentBundle(input);
    const b = incidentBundle(input);
    expect(a.objects).toEqual(b.objects);
    expect(a.id).not.toBe(b.id);
  });

  it('marks every object with the label of the level and ships that marking definition', () => {
    const bundle = incidentBundle(input);
    const amber = TLP_MARKINGS.AMBER.id;
    expect(bundle.objects.filter((o) => o.type === 'marking-definition').map((o) => o.id)).toEqual([amber]);
    for (const o of bundle.objects.filter((o) => o.type !== 'marking-definition'))
      expect(o.object_marking_refs).toEqual([amber]);
  });

  it('makes RFC 9562 version-5 identifiers', () => {
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('security incident rules (SEC-3, SEC-8)', () => {
  it('keeps a security incident at least SENSITIVE, CRITICAL while investigated or weak', () => {
    expect(minimumSensitivity('incident', 'new', {})).toBeNull();
    expect(minimumSensitivity('security', 'new', {})).toBe('SENSITIVE');
    for (const status of ['characterised', 'analysed', 'contained'])
      expect(minimumSensitivity('security', status, {})).toBe('CRITICAL');
    const followUp = { id: 'F1', kind: 'weakness' as const, description: 'open port', exploitable: true };
    const weak = { followUps: [{ ...followUp, done: false, doneBy: null, doneAt: null, note: null }] };
    expect(minimumSensitivity('security', 'closed', weak)).toBe('CRITICAL');
    const dealtWith = { ...followUp, done: true, doneBy: 'u1', doneAt: '2026-01-01T00:00:00Z', note: null };
    expect(minimumSensitivity('security', 'closed', { followUps: [dealtWith] })).toBe('SENSITIVE');
    expect(raisedSensitivity('security', 'characterised', {}, 'SENSITIVE')).toBe('CRITICAL');
    expect(raisedSensitivity('security', 'characterised', {}, 'CRITICAL')).toBeNull();
  });

  it('counts the deadlines from awareness: 24 h, 72 h, one calendar month', () => {
    const aware = new Date('2026-03-10T10:00:00Z');
    expect(stageDeadline('early_warning', aware).toISOString()).toBe('2026-03-11T10:00:00.000Z');
    expect(stageDeadline('notification', aware).toISOString()).toBe('2026-03-13T10:00:00.000Z');
    expect(stageDeadline('final_report', aware).toISOString()).toBe('2026-04-10T10:00:00.000Z');
  });

  it('ends the month at the end of February for 31 January (and 29 February in a leap year)', () => {
    expect(stageDeadline('final_report', new Date('2026-01-31T12:00:00Z')).toISOString()).toBe(
      '2026-02-28T12:00:00.000Z',
    );
    expect(stageDeadline('final_report', new Date('2028-01-31T12:00:00Z')).toISOString()).toBe(
      '2028-02-29T12:00:00.000Z',
    );
    expect(stageDeadline('final_report', new Date('2026-03-31T12:00:00Z')).toISOString()).toBe(
      '2026-04-30T12:00:00.000Z',
    );
  });

  it('tells pending, due soon, overdue, sent and sent late apart', () => {
    const aware = new Date('2026-03-10T10:00:00Z');
    const states = (now: string, stages = {}) => regulatoryClocks(aware, stages, new Date(now)).map((c) => c.state);
    expect(states('2026-03-10T11:00:00Z')).toEqual(['pending', 'pending', 'pending']);
    expect(states('2026-03-11T05:00:00Z')).toEqual(['due_soon', 'pending', 'pending']);
    expect(states('2026-03-11T11:00:00Z')).toEqual(['overdue', 'pending', 'pending']);
    const sent = (at: string) => ({ sentAt: at, by: 'x', recipient: 'CSIRT', content: '…' });
    expect(states('2026-03-12T11:00:00Z', { early_warning: sent('2026-03-10T20:00:00Z') })[0]).toBe('sent');
    expect(states('2026-03-12T11:00:00Z', { early_warning: sent('2026-03-11T20:00:00Z') })[0]).toBe('sent_late');
  });
});
