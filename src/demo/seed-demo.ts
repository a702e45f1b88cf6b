import type { Role } from '../domain/roles.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import type { Db } from '../store/db.ts';
import { findUserByName, listParties } from '../store/directory.ts';
import { actorOf } from '../services/auth/actor.ts';
import { createIncident } from '../services/incidents/create-incident.ts';
import { createParty } from '../services/parties/create-party.ts';
import { createUser } from '../services/parties/create-user.ts';
import { serviceTargets } from '../store/schema/index.ts';

/** The one password of every demo account (documented in the README). */
export const DEMO_PASSWORD = 'passerelle-demo';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  clearance: Sensitivity;
  groups: string[];
}

function demoUsers(party: 'EU' | 'CH', resolverGroup: string): DemoUser[] {
  const p = party.toLowerCase();
  const desk = `${party} Service Desk`;
  return [
    {
      username: `${p}.agent`,
      displayName: `${party} Desk Agent`,
      roles: ['agent'],
      clearance: 'SENSITIVE',
      groups: [desk],
    },
    {
      username: `${p}.agent2`,
      displayName: `${party} Junior Agent`,
      roles: ['agent'],
      clearance: 'LIMITED',
      groups: [desk],
    },
    {
      username: `${p}.resolver`,
      displayName: `${party} Resolver`,
      roles: ['resolver'],
      clearance: 'SENSITIVE',
      groups: [resolverGroup],
    },
    {
      username: `${p}.security`,
      displayName: `${party} Security Officer`,
      roles: ['security_officer', 'agent'],
      clearance: 'CRITICAL',
      groups: [desk],
    },
    {
      username: `${p}.imt`,
      displayName: `${party} Incident Responder`,
      roles: ['imt_member', 'resolver'],
      clearance: 'CRITICAL',
      groups: [resolverGroup],
    },
    {
      username: `${p}.change`,
      displayName: `${party} Change & Release Manager`,
      roles: ['change_manager', 'release_manager'],
      clearance: 'SENSITIVE',
      groups: [],
    },
    {
      username: `${p}.manager`,
      displayName: `${party} Level Manager`,
      roles: ['level_manager'],
      clearance: 'SENSITIVE',
      groups: [],
    },
    {
      username: `${p}.auditor`,
      displayName: `${party} Auditor`,
      roles: ['auditor'],
      clearance: 'CRITICAL',
      groups: [],
    },
    {
      username: `${p}.admin`,
      displayName: `${party} Administrator`,
      roles: ['party_admin'],
      clearance: 'LIMITED',
      groups: [],
    },
  ];
}

const DEMO_PARTIES = [
  {
    id: 'EU',
    name: 'European Union Registry',
    language: 'en' as const,
    resolver: 'EU Registry Operations',
    calendar: { timeZone: 'Europe/Paris', country: 'FR' },
  },
  {
    id: 'CH',
    name: 'Swiss Emissions Trading Registry',
    language: 'fr' as const,
    resolver: 'CH Registry Application',
    calendar: { timeZone: 'Europe/Zurich', country: 'CH', region: 'BE' },
  },
];

/** True when the store holds no party yet (a first start). */
export async function isEmptyStore(db: Db): Promise<boolean> {
  return (await listParties(db)).length === 0;
}

/** Seeds the EU/CH demo: parties, desks, resolver groups, accounts and a few incidents. */
export async function seedDemo(db: Db, instanceId: string): Promise<string[]> {
  const usernames: string[] = [];
  for (const party of DEMO_PARTIES) {
    await createParty(db, {
      id: party.id,
      name: party.name,
      language: party.language,
      resolverGroups: [party.resolver],
      calendar: party.calendar,
    });
    for (const user of demoUsers(party.id as 'EU' | 'CH', party.resolver)) {
      await createUser(db, {
        ...user,
        party: party.id,
        password: DEMO_PASSWORD,
        language: party.language,
        email: `${user.username}@demo.invalid`,
      });
      usernames.push(user.username);
    }
  }
  // SNC chapter 8 availability targets for the services of the link.
  for (const party of DEMO_PARTIES) {
    const targets: [string, string][] = [
      ['Link / transaction log', '99.99'],
      ['Registry', '99.9'],
      ['Console', '97'],
      ['API', '99.9'],
    ];
    await db
      .insert(serviceTargets)
      .values(targets.map(([service, targetPct]) => ({ partyId: party.id, service, targetPct })));
  }
  const agent = await findUserByName(db, 'eu.agent');
  const ctx = { db, actor: actorOf(agent!), instanceId, channel: 'console' as const };
  await createIncident(ctx, {
    title: 'Transaction log not reachable from CH registry',
    description: 'Monitoring reports timeouts on the link endpoint since 07:40 UTC.',
    service: 'Link / transaction log',
    impact: 'I2',
    criticality: 'C1',
    reporter: 'CH operations',
  });
  await createIncident(ctx, {
    title: 'Allowance transfer stuck in pending state',
    description: 'Transfer EU-1234 pending for two hours.',
    service: 'Registry / transfers',
    impact: 'I3',
    criticality: 'C2',
    reporter: 'Account holder helpdesk',
  });
  return usernames;
}
