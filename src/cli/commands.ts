import { createWriteStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../domain/errors.ts';
import { ROLES } from '../domain/roles.ts';
import { SENSITIVITIES } from '../domain/sensitivity.ts';
import { seedFirstDemo } from '../demo/seed-first-demo.ts';
import { actorOf } from '../services/auth/actor.ts';
import { createApiToken } from '../services/auth/api-tokens.ts';
import { createParty } from '../services/parties/create-party.ts';
import { createUser } from '../services/parties/create-user.ts';
import { updatePartySettings } from '../services/parties/update-party-settings.ts';
import {
  createCheckpoint,
  SignedCheckpointSchema,
  verifyAgainstCheckpoint,
  type SignedCheckpoint,
} from '../services/audit/checkpoints.ts';
import { verifyAuditChain } from '../services/audit/verify-chain.ts';
import { backupStore, checkBackup, restoreStore } from '../store/backup.ts';
import { exportParty } from '../services/export/export-party.ts';
import { importArchive } from '../services/export/import-archive.ts';
import { importTicketsCsv } from '../services/export/import-tickets-csv.ts';
import { eraseParty, giveNotice } from '../services/export/offboarding.ts';
import { createMailbox } from '../services/mail/create-mailbox.ts';
import { ingestMessage } from '../services/mail/ingest-message.ts';
import { readMailboxes } from '../services/mail/list-mailboxes.ts';
import { dropQuarantined, readQuarantine, retryQuarantined } from '../services/mail/quarantine.ts';
import { findMailboxByName } from '../store/mail.ts';
import { findUserByName } from '../store/directory.ts';
import { instanceId } from '../store/instance.ts';
import { ACCOUNT_COMMANDS } from './account-commands.ts';
import { ADMIN_COMMANDS } from './admin-commands.ts';
import { oneOf, required, type Command, type Values } from './command.ts';

function readPassword(values: Values): string {
  if (values['password-stdin']) return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  const variable = required(values, 'password-env');
  const password = process.env[variable];
  if (!password) throw new AppError('validation.required', 'password-env', { field: `$${variable}` });
  return password;
}

function uuid(values: Values, name: string): string {
  const value = required(values, name);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    throw new AppError('validation.invalid', name, { field: name, detail: 'uuid' });
  return value;
}

/** The administration commands; each calls the same services as the API. */
export const COMMANDS: Record<string, Command> = {
  init: {
    options: { demo: { type: 'boolean' } },
    async run(db, values) {
      const id = await instanceId(db);
      const seeded = values.demo ? await seedFirstDemo(db, id) : [];
      return { instanceId: id, migrated: true, demoAccounts: seeded };
    },
  },
  'party add': {
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      language: { type: 'string' },
      'require-totp': { type: 'boolean' },
      'resolver-group': { type: 'string', multiple: true },
      'time-zone': { type: 'string' },
      country: { type: 'string' },
      region: { type: 'string' },
    },
    async run(db, values) {
      const language = values.language
        ? oneOf(['en', 'fr'] as const, values.language as string, 'language')
        : undefined;
      const calendar =
        values['time-zone'] || values.country
          ? {
              timeZone: (values['time-zone'] as string | undefined) ?? 'Europe/Paris',
              country: (values.country as string | undefined) ?? 'FR',
              region: (values.region as string | undefined) ?? null,
            }
          : undefined;
      const result = await createParty(db, {
        id: required(values, 'id'),
        name: required(values, 'name'),
        language,
        requireTotp: Boolean(values['require-totp']),
        resolverGroups: values['resolver-group'] as string[] | undefined,
        calendar,
      });
      return { party: result.party.id, groups: result.groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })) };
    },
  },
  'party set': {
    options: { id: { type: 'string' }, 'require-totp': { type: 'string' } },
    async run(db, values) {
      const flag =
        values['require-totp'] === undefined
          ? undefined
          : oneOf(['true', 'false'] as const, values['require-totp'] as string, 'require-totp') === 'true';
      const party = await updatePartySettings(db, null, required(values, 'id'), { requireTotp: flag });
      return { party: party.id, requireTotp: party.requireTotp };
    },
  },
  'user add': {
    options: {
      party: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'password-env': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      roles: { type: 'string' },
      clearance: { type: 'string' },
      group: { type: 'string', multiple: true },
      language: { type: 'string' },
    },
    async run(db, values) {
      const roles = required(values, 'roles')
        .split(',')
        .map((r) => oneOf(ROLES, r.trim(), 'roles'));
      const user = await createUser(db, {
        party: required(values, 'party'),
        username: required(values, 'username'),
        displayName: (values.name as string | undefined) ?? required(values, 'username'),
        email: values.email as string | undefined,
        password: readPassword(values),
        roles,
        clearance: oneOf(SENSITIVITIES, required(values, 'clearance'), 'clearance'),
        language: values.language ? oneOf(['en', 'fr'] as const, values.language as string, 'language') : undefined,
        groups: values.group as string[] | undefined,
      });
      return {
        id: user.id,
        username: user.username,
        party: user.partyId,
        roles: user.roles,
        clearance: user.clearance,
      };
    },
  },
  'token create': {
    options: { username: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } },
    async run(db, values) {
      const user = await findUserByName(db, required(values, 'username'));
      if (!user) throw new AppError('user.not_found', 'username');
      const expires = values.expires ? new Date(values.expires as string) : undefined;
      if (expires && Number.isNaN(expires.getTime()))
        throw new AppError('validation.invalid', 'expires', { field: 'expires', detail: 'iso_date' });
      const created = await createApiToken(db, actorOf(user), { name: required(values, 'name'), expiresAt: expires });
      return created.token;
    },
  },
  'mailbox add': {
    options: {
      party: { type: 'string' },
      name: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      tls: { type: 'string' },
      user: { type: 'string' },
      'secret-env': { type: 'string' },
      folder: { type: 'string' },
      type: { type: 'string' },
      service: { type: 'string' },
      sensitivity: { type: 'string' },
      address: { type: 'string' },
      'max-attachment-bytes': { type: 'string' },
      'sender-hourly-cap': { type: 'string' },
    },
    async run(db, values, config) {
      const variable = required(values, 'secret-env');
      const secret = process.env[variable];
      if (!secret) throw new AppError('validation.required', 'secret-env', { field: `$${variable}` });
      const integer = (name: string, min: number, max: number) => {
        if (values[name] === undefined) return undefined;
        const n = Number(values[name]);
        if (!Number.isInteger(n) || n < min || n > max)
          throw new AppError('validation.invalid', name, { field: name, detail: `${min}…${max}` });
        return n;
      };
      const name = required(values, 'name');
      if (!/^[A-Za-z0-9._-]{1,60}$/.test(name))
        throw new AppError('validation.invalid', 'name', { field: 'name', detail: 'letters, digits, . _ -' });
      const address = required(values, 'address');
      if (!/^[^@\s]+@[^@\s]+$/.test(address))
        throw new AppError('validation.invalid', 'address', { field: 'address', detail: 'e-mail' });
      return createMailbox(
        db,
        null,
        required(values, 'party'),
        {
          name,
          imapHost: required(values, 'host'),
          imapPort: integer('port', 1, 65535) ?? 993,
          imapTls:
            values.tls === undefined ? true : oneOf(['true', 'false'] as const, values.tls as string, 'tls') === 'true',
          imapUser: required(values, 'user'),
          imapSecret: secret,
          folder: values.folder as string | undefined,
          ticketType: oneOf(
            ['incident', 'problem'] as const,
            (values.type as string | undefined) ?? 'incident',
            'type',
          ),
          service: required(values, 'service'),
          sensitivity: oneOf(SENSITIVITIES, (values.sensitivity as string | undefined) ?? 'LIMITED', 'sensitivity'),
          address,
          maxAttachmentBytes: integer('max-attachment-bytes', 1000, 25_000_000),
          senderHourlyCap: integer('sender-hourly-cap', 1, 10_000),
        },
        config.MAIL_SECRET_KEY,
      );
    },
  },
  'mailbox list': {
    options: { party: { type: 'string' } },
    run: (db, values) => readMailboxes(db, null, required(values, 'party')),
  },
  /** COL-2: one message from standard input, as an MTA pipes it (same rules as the collector). */
  'mail ingest': {
    options: { mailbox: { type: 'string' } },
    async run(db, values, config) {
      const mailbox = await findMailboxByName(db, required(values, 'mailbox'));
      if (!mailbox) throw new AppError('mailbox.not_found', 'mailbox');
      const raw = readFileSync(0);
      if (raw.length === 0) throw new AppError('validation.required', 'stdin', { field: 'stdin' });
      return ingestMessage(db, mailbox, raw, { instanceId: await instanceId(db), mail: Boolean(config.SMTP_URL) });
    },
  },
  'quarantine list': {
    options: { party: { type: 'string' }, status: { type: 'string' } },
    run: (db, values) =>
      readQuarantine(
        db,
        null,
        required(values, 'party'),
        values.status ? oneOf(['held', 'retried', 'dropped'] as const, values.status as string, 'status') : undefined,
      ),
  },
  'quarantine retry': {
    options: { party: { type: 'string' }, id: { type: 'string' } },
    run: async (db, values, config) =>
      retryQuarantined(db, null, required(values, 'party'), uuid(values, 'id'), {
        instanceId: await instanceId(db),
        mail: Boolean(config.SMTP_URL),
      }),
  },
  'quarantine drop': {
    options: { party: { type: 'string' }, id: { type: 'string' } },
    run: (db, values) => dropQuarantined(db, null, required(values, 'party'), uuid(values, 'id')),
  },
  'audit verify': {
    options: { checkpoint: { type: 'string' } },
    async run(db, values) {
      if (typeof values.checkpoint !== 'string') return verifyAuditChain(db);
      let held: SignedCheckpoint;
      try {
        held = SignedCheckpointSchema.parse(JSON.parse(readFileSync(values.checkpoint, 'utf8')));
      } catch {
        throw new AppError('validation.invalid', 'checkpoint', { field: 'checkpoint', detail: 'json_file' });
      }
      const check = await verifyAgainstCheckpoint(db, held);
      return { ...check, ok: check.signatureValid && check.chain.ok };
    },
  },
  'audit checkpoint': {
    options: {},
    async run(db) {
      return createCheckpoint(db);
    },
  },
  backup: {
    options: { out: { type: 'string' }, url: { type: 'string' } },
    async run(db, values) {
      const out = required(values, 'out');
      if (typeof values.url !== 'string') return backupStore(db, out);
      // A running instance (PGlite serves from one process): its API takes the backup; token in PASSERELLE_TOKEN.
      const response = await fetch(`${values.url.replace(/\/$/, '')}/api/v1/admin/backup`, {
        headers: { authorization: `Bearer ${process.env.PASSERELLE_TOKEN ?? ''}` },
      });
      if (response.status !== 200 || !response.body)
        throw new Error(`backup refused: ${response.status} ${await response.text()}`);
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        createWriteStream(out),
      );
      return { file: out, ...(await checkBackup(out)).header, tables: undefined };
    },
  },
  restore: {
    options: { file: { type: 'string' } },
    async run(db, values) {
      return restoreStore(db, required(values, 'file'));
    },
  },
  export: {
    options: { party: { type: 'string' }, out: { type: 'string' } },
    async run(db, values) {
      const party = required(values, 'party');
      const out =
        typeof values.out === 'string'
          ? values.out
          : `passerelle-${party}-${new Date().toISOString().slice(0, 10)}.tar.gz`;
      const manifest = await exportParty(db, party, out);
      return {
        file: out,
        party,
        files: manifest.files.filter((f) => f.kind !== 'attachment_file').map((f) => ({ path: f.path, rows: f.rows })),
      };
    },
  },
  import: {
    options: {
      file: { type: 'string' },
      csv: { type: 'string' },
      party: { type: 'string' },
      source: { type: 'string' },
      as: { type: 'string' },
    },
    async run(db, values) {
      if (typeof values.csv !== 'string') return importArchive(db, required(values, 'file'));
      // AUD-3: incidents from another tool with their original instants (docs/import-csv.md).
      let csv: string;
      try {
        csv = readFileSync(values.csv, 'utf8');
      } catch {
        throw new AppError('validation.invalid', 'csv', { field: 'csv', detail: 'csv_file' });
      }
      const user = typeof values.as === 'string' ? await findUserByName(db, values.as) : null;
      if (typeof values.as === 'string' && !user) throw new AppError('user.not_found', 'as');
      return importTicketsCsv(db, {
        party: required(values, 'party'),
        csv,
        source: typeof values.source === 'string' ? values.source : 'csv',
        actorId: user?.id ?? null,
      });
    },
  },
  'offboarding notice': {
    options: { party: { type: 'string' } },
    async run(db, values) {
      return giveNotice(db, null, required(values, 'party'));
    },
  },
  'offboarding erase': {
    options: { party: { type: 'string' } },
    async run(db, values) {
      return eraseParty(db, required(values, 'party'));
    },
  },
  ...ADMIN_COMMANDS,
  ...ACCOUNT_COMMANDS,
};
