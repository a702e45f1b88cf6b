import { ROLES } from '../../../domain/roles.ts';
import { SENSITIVITIES } from '../../../domain/sensitivity.ts';
/** Shapes of the administration API as the console reads them. */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  party: string;
  roles: string[];
  clearance: string;
  language: 'en' | 'fr';
  active: boolean;
  hasPassword: boolean;
  totpEnabled: boolean;
  sso: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  groupIds: string[];
  accessRequestId: string | null;
}

export interface OneTimeLink {
  url: string;
  expiresAt: string;
  mailed: boolean;
}

/** Roles an administrator hands out (every role but the instance's `sysadmin`); the server decides what each may grant. */
export const GRANTABLE_ROLES = ROLES.filter((role) => role !== 'sysadmin');
export const CLEARANCES = SENSITIVITIES;
