import { describe, expect, it } from 'vitest';
import { allowedActions, nextState, refusalOf, standingsOf, TICKET_ACTIONS } from './lifecycle.ts';
import { INCIDENT_LIFECYCLE } from './lifecycles/incident.ts';

const agentEU = { party: 'EU', roles: ['agent'] as const };
const resolverCH = { party: 'CH', roles: ['resolver'] as const };
const auditorEU = { party: 'EU', roles: ['auditor'] as const };
const atEU = (status: string) => ({ status, ownerParty: 'EU', holderParty: 'EU', participants: ['EU', 'CH'] });
const atCH = (status: string) => ({ status, ownerParty: 'EU', holderParty: 'CH', participants: ['EU', 'CH'] });

describe('incident lifecycle', () => {
  it('declares only known states and actions', () => {
    for (const [name, rule] of Object.entries(INCIDENT_LIFECYCLE.actions)) {
      expect(TICKET_ACTIONS).toContain(name);
      for (const state of rule.from) expect(INCIDENT_LIFECYCLE.states).toContain(state);
      const targets = typeof rule.to === 'string' ? [rule.to] : Object.values(rule.to ?? {});
      for (const state of targets) expect(INCIDENT_LIFECYCLE.states).toContain(state);
    }
  });

  it('never leaves the closed state: only recurrence and security declaration apply', () => {
    const fromClosed = Object.entries(INCIDENT_LIFECYCLE.actions).filter(([, rule]) => rule.from.includes('closed'));
    expect(fromClosed.map(([name]) => name).sort()).toEqual(['declare_security_incident', 'record_recurrence']);
    expect(fromClosed.every(([, rule]) => rule.to === undefined)).toBe(true);
  });

  it('lets only the owning party close, and only once verified', () => {
    expect(refusalOf(INCIDENT_LIFECYCLE, 'close', agentEU, atEU('verified'))).toBeNull();
    expect(refusalOf(INCIDENT_LIFECYCLE, 'close', agentEU, atEU('resolved'))).toBe('transition_invalid');
    expect(refusalOf(INCIDENT_LIFECYCLE, 'close', { party: 'CH', roles: ['agent'] }, atEU('verified'))).toBe(
      'action_not_allowed',
    );
  });

  it('gives work to the holding party after a transfer', () => {
    expect(refusalOf(INCIDENT_LIFECYCLE, 'resolve', resolverCH, atCH('in_progress'))).toBeNull();
    expect(refusalOf(INCIDENT_LIFECYCLE, 'resolve', { party: 'EU', roles: ['resolver'] }, atCH('in_progress'))).toBe(
      'action_not_allowed',
    );
    expect(standingsOf(resolverCH, atCH('in_progress'))).toEqual(new Set(['holder', 'worker', 'participant']));
  });

  it('keeps a pending incident pending when it is assigned or transferred', () => {
    expect(nextState(INCIDENT_LIFECYCLE, 'assign', 'pending')).toBe('pending');
    expect(nextState(INCIDENT_LIFECYCLE, 'transfer', 'recorded')).toBe('in_progress');
    expect(nextState(INCIDENT_LIFECYCLE, 'comment', 'resolved')).toBe('resolved');
  });

  it('offers nothing to a read-only auditor', () => {
    expect(allowedActions(INCIDENT_LIFECYCLE, auditorEU, atEU('recorded'))).toEqual([]);
  });
});
