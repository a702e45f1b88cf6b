export type { Account, OneTimeLink } from '../../../contract/admin.ts';
import { ROLES } from '../../../domain/roles.ts';
import { SENSITIVITIES } from '../../../domain/sensitivity.ts';

/** Roles an administrator hands out (every role but the instance's `sysadmin`); the server decides what each may grant. */
export const GRANTABLE_ROLES = ROLES.filter((role) => role !== 'sysadmin');
export const CLEARANCES = SENSITIVITIES;
