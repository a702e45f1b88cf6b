import { createParty } from '../../src/services/parties/create-party.ts';
import { createUser } from '../../src/services/parties/create-user.ts';
import type { Db } from '../../src/store/db.ts';
import { signIn, type Client } from './client.ts';

export const THIRD_PARTY_PASSWORD = 'third-party-password';

/** A third party (AT) with one desk agent cleared up to CRITICAL, signed in: it is on nothing unless asked. */
export async function thirdPartyAgent(db: Db, url: string): Promise<Client> {
  await createParty(db, { id: 'AT', name: 'Austria' });
  await createUser(db, {
    party: 'AT',
    username: 'at.agent',
    displayName: 'AT agent',
    password: THIRD_PARTY_PASSWORD,
    roles: ['agent', 'level_manager', 'security_officer'],
    clearance: 'CRITICAL',
  });
  return signIn(url, 'at.agent', THIRD_PARTY_PASSWORD);
}
