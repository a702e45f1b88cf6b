import type { Db } from '../store/db.ts';
import { findUserByName, listGroups } from '../store/directory.ts';
import { actorOf } from '../services/auth/actor.ts';
import { createAsset } from '../services/assets/create-asset.ts';
import { addTrustedCa } from '../services/certificates/add-trusted-ca.ts';
import { registerCertificate } from '../services/certificates/register-certificate.ts';
import { trustCa } from '../services/certificates/trust-ca.ts';
import { createIncident } from '../services/incidents/create-incident.ts';
import { resolveIncident } from '../services/incidents/resolve-incident.ts';
import { verifyIncident } from '../services/incidents/verify-incident.ts';
import { createProblem } from '../services/problems/create-problem.ts';
import { recordRootCause } from '../services/problems/record-root-cause.ts';
import { assignTicket } from '../services/tickets/assign-ticket.ts';
import { closeTicket } from '../services/tickets/close-ticket.ts';
import { commentOnTicket } from '../services/tickets/comment-on-ticket.ts';
import { pendTicket } from '../services/tickets/set-pending.ts';
import type { ServiceContext } from '../services/write-path/context.ts';
import { DEMO_CA_PEM, DEMO_EU_CERT_PEM } from './demo-pki.ts';

/** A console context acting as the demo account `username`. */
async function as(db: Db, instanceId: string, username: string): Promise<ServiceContext> {
  const user = await findUserByName(db, username);
  if (!user) throw new Error(`demo account ${username} missing`);
  return { db, actor: actorOf(user), instanceId, channel: 'console' };
}

const ALL_TICKED = {
  categorisationVerified: true,
  informationComplete: true,
  documentationUpdated: true,
  stakeholdersInformed: true,
};

/**
 * What makes every page of the demo console show something (on a first start only, not in the
 * test stores): assets of both parties (so a security incident's analysis can name them), a
 * link CA both parties trust with the EU endpoint's certificate registered (so a certificate can
 * be imported), and incidents in every state of their lifecycle plus a problem under analysis.
 */
export async function seedShowcase(db: Db, instanceId: string): Promise<void> {
  const euAdmin = await as(db, instanceId, 'eu.admin');
  const chAdmin = await as(db, instanceId, 'ch.admin');
  const euSecurity = await as(db, instanceId, 'eu.security');
  const chSecurity = await as(db, instanceId, 'ch.security');
  const euAgent = await as(db, instanceId, 'eu.agent');
  const euResolver = await as(db, instanceId, 'eu.resolver');

  // ISM-7: the link CA, added by EU, trusted by CH; the EU endpoint's certificate registered.
  const ca = await addTrustedCa(euAdmin, { name: 'Passerelle Demo Link CA', pem: DEMO_CA_PEM });
  await trustCa(chAdmin, ca.id);
  await registerCertificate(euSecurity, {
    name: 'EU link endpoint',
    usage: 'Link TLS (server and client)',
    pem: DEMO_EU_CERT_PEM,
  });

  // ISM-1: a few assets per party.
  await createAsset(euSecurity, {
    name: 'EU transaction log',
    owner: 'EU Registry Operations',
    description: 'Records every transfer of the link.',
    confidentiality: 'HIGH',
    integrity: 'HIGH',
    availability: 'HIGH',
  });
  await createAsset(euSecurity, {
    name: 'EU registry database',
    owner: 'EU Registry Operations',
    confidentiality: 'HIGH',
    integrity: 'HIGH',
    availability: 'MEDIUM',
  });
  await createAsset(chSecurity, {
    name: 'CH link endpoint',
    owner: 'CH Registry Application',
    description: 'The CH side of the link (TLS, mutual authentication).',
    confidentiality: 'MEDIUM',
    integrity: 'HIGH',
    availability: 'HIGH',
  });
  await createAsset(chSecurity, {
    name: 'CH account holder portal',
    owner: 'CH Registry Application',
    confidentiality: 'MEDIUM',
    integrity: 'MEDIUM',
    availability: 'LOW',
    personalData: true,
  });

  // Incidents in every state: recorded (the two of seedDemo), in progress, pending, resolved, verified, closed.
  const [resolvers] = await listGroups(db, ['EU']).then((groups) =>
    groups.filter((g) => g.name === 'EU Registry Operations'),
  );
  const incident = (title: string, impact: 'I2' | 'I3', criticality: 'C1' | 'C2' | 'C3') =>
    createIncident(euAgent, { title, service: 'Registry', impact, criticality, reporter: 'EU operations' });
  const inWork = async (title: string, impact: 'I2' | 'I3', criticality: 'C1' | 'C2' | 'C3') => {
    const created = await incident(title, impact, criticality);
    return assignTicket(euAgent, created.id, { groupId: resolvers!.id, assigneeId: euResolver.actor.id });
  };
  await inWork('Slow search in the account list', 'I3', 'C2');
  const pending = await inWork('Report export returns an empty file', 'I3', 'C3');
  await pendTicket(euAgent, pending.id, { reason: 'Waiting for the account holder to send the export settings.' });
  const resolved = await inWork('Nightly reconciliation job failed', 'I3', 'C2');
  await resolveIncident(euResolver, resolved.id, { resolution: 'Job restarted after the database failover.' });
  const verified = await inWork('Certificate warning on the console', 'I3', 'C3');
  await resolveIncident(euResolver, verified.id, { resolution: 'Intermediate certificate added to the chain.' });
  await verifyIncident(euAgent, verified.id, { note: 'Confirmed by the reporter.' });
  const closed = await inWork('Transfer confirmation e-mail not sent', 'I3', 'C3');
  await commentOnTicket(euResolver, closed.id, { body: 'Mail relay queue was full; flushed.', visibility: 'shared' });
  await resolveIncident(euResolver, closed.id, { resolution: 'Mail relay queue flushed and monitored.' });
  await verifyIncident(euAgent, closed.id, { note: 'E-mails received.' });
  await closeTicket(euAgent, closed.id, { checklist: ALL_TICKED });

  // A problem under analysis, from the reconciliation incident.
  const problem = await createProblem(euAgent, {
    title: 'Reconciliation jobs fail after a database failover',
    service: 'Registry',
    impact: 'I3',
    incidents: [resolved.ref],
  });
  const analysed = await assignTicket(euAgent, problem.id, { groupId: resolvers!.id, assigneeId: euResolver.actor.id });
  await recordRootCause(euResolver, analysed.id, { rootCause: 'Jobs keep the connection of the failed primary.' });
}
