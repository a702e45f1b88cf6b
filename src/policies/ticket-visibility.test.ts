import { describe, expect, it } from 'vitest';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Actor } from '../domain/actor.ts';
import type { Role } from '../domain/roles.ts';
import { SENSITIVITIES } from '../domain/sensitivity.ts';
import {
  audienceWithin,
  eventVisibilityKey,
  eventVisibleTo,
  ticketVisibleTo,
  visibilityKey,
} from './ticket-visibility.ts';

describe('issue 11: known errors and their audience', () => {
  it('1. lets a known error reach a ticket only when every reader of the ticket may read its problem', () => {
    const problem = { participants: ['EU'], sensitivity: 'SENSITIVE' as const, team: null };
    expect(audienceWithin(problem, { participants: ['EU', 'CH'], sensitivity: 'LIMITED', team: null })).toBe(false);
    expect(audienceWithin(problem, { participants: ['EU'], sensitivity: 'LIMITED', team: null })).toBe(false);
    expect(audienceWithin(problem, { participants: ['EU'], sensitivity: 'SENSITIVE', team: null })).toBe(true);
    const teamed = { ...problem, team: ['x', 'y'] };
    expect(audienceWithin(teamed, { participants: ['EU'], sensitivity: 'CRITICAL', team: null })).toBe(false);
    expect(audienceWithin(teamed, { participants: ['EU'], sensitivity: 'CRITICAL', team: ['x'] })).toBe(true);
  });
});

describe('issue 16: statements built once per visibility key', () => {
  const dialect = new PgDialect();
  const rendered = (condition: SQL) => JSON.stringify(dialect.sqlToQuery(condition));
  const actors: Actor[] = [];
  for (const party of ['EU', 'CH'])
    for (const clearance of SENSITIVITIES)
      for (const roles of [['agent'], ['auditor'], ['level_manager'], ['security_officer', 'agent'], []] as Role[][])
        for (const id of ['u1', 'u2'])
          actors.push({ id, username: id, displayName: id, party, roles, clearance, language: 'en' });

  it('1. gives two actors the same key exactly when their ticket visibility SQL is the same', () => {
    let shared = 0;
    for (const a of actors)
      for (const b of actors) {
        const sameSql = rendered(ticketVisibleTo(a)) === rendered(ticketVisibleTo(b));
        expect(visibilityKey(a) === visibilityKey(b), `${visibilityKey(a)} / ${visibilityKey(b)}`).toBe(sameSql);
        if (sameSql && a !== b) shared++;
      }
    // Keys are shared where the SQL is (the cache is of use), not only between identical actors.
    expect(shared).toBeGreaterThan(0);
  });

  it('2. does the same for the events of a timeline', () => {
    for (const a of actors)
      for (const b of actors)
        expect(eventVisibilityKey(a) === eventVisibilityKey(b)).toBe(
          rendered(eventVisibleTo(a)) === rendered(eventVisibleTo(b)),
        );
  });
});
