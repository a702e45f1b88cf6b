import type { Lang } from './lang.ts';
import type { Role } from './roles.ts';
import type { Sensitivity } from './sensitivity.ts';

/** The signed-in person (or token owner) on whose behalf a service runs. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  party: string;
  roles: Role[];
  clearance: Sensitivity;
  language: Lang;
}

/** What the administration shows of an account (a stored user row satisfies it). */
export interface Account extends Omit<Actor, 'party'> {
  partyId: string;
  email: string | null;
  active: boolean;
  passwordHash: string | null;
  totpEnabled: boolean;
  oidcSubject: string | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  accessRequestId: string | null;
}
