/** The database schema, one file per area; migrations are generated from this folder (drizzle-kit). */
export * from './parties.ts';
export * from './auth.ts';
export * from './tickets.ts';
export * from './service-levels.ts';
export * from './notifications.ts';
export * from './security.ts';
export * from './mail.ts';
export * from './audit.ts';
export * from './agreements.ts';
export * from './webhooks.ts';
export * from './vulnerabilities.ts';
export * from './contacts.ts';
export * from './glossary.ts';
export * from './exchanges.ts';
export * from './meetings.ts';
export * from './admin.ts';
export * from './wiki.ts';
