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

/** Roles an administrator usually hands out; the server decides what each may grant. */
export const GRANTABLE_ROLES = [
  'requester',
  'agent',
  'resolver',
  'change_manager',
  'release_manager',
  'security_officer',
  'imt_member',
  'level_manager',
  'auditor',
  'party_admin',
] as const;
export const CLEARANCES = ['LIMITED', 'SENSITIVE', 'CRITICAL'] as const;
