import type { z } from 'zod';
import type { Actor } from '../domain/actor.ts';
import { AGREEMENT_KINDS, AgreementChangeSchema, PROPOSAL_STATUSES } from '../domain/agreement.ts';
import { AppError } from '../domain/errors.ts';
import { SENSITIVITIES } from '../domain/sensitivity.ts';
import { actorOf } from '../services/auth/actor.ts';
import { decideProposal } from '../services/agreements/decide-proposal.ts';
import { proposeChange } from '../services/agreements/propose-change.ts';
import { readProposal, readProposals } from '../services/agreements/read-proposals.ts';
import { withdrawProposal } from '../services/agreements/withdraw-proposal.ts';
import { readDeliveries, replayDelivery } from '../services/webhooks/delivery-log.ts';
import {
  createSubscription,
  readWebhooks,
  updateWebhook,
  type SubscriptionRow,
} from '../services/webhooks/manage-subscriptions.ts';
import type { Db } from '../store/db.ts';
import { findUserByName } from '../store/directory.ts';
import { oneOf, required, type Command, type Values } from './command.ts';

const optional = <T extends string>(list: readonly T[], values: Values, name: string) =>
  typeof values[name] === 'string' ? oneOf(list, values[name], name) : undefined;

/** The person on whose behalf the command runs (`--as username`): the services apply that person's rights. */
async function actingAs(db: Db, values: Values): Promise<Actor> {
  const user = await findUserByName(db, required(values, 'as'));
  if (!user || !user.active) throw new AppError('user.not_found', 'as');
  return actorOf(user);
}

/** Parses with a contract schema, turning the first issue into the same field-naming error as the API. */
function parsed<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].join('.');
  throw new AppError('validation.invalid', field, { field, detail: issue.message });
}

function json(values: Values, name: string): unknown {
  try {
    return JSON.parse(required(values, name));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('validation.invalid', name, { field: name, detail: 'json' });
  }
}

const id = (values: Values, name = 'id') => {
  const value = required(values, name);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    throw new AppError('validation.invalid', name, { field: name, detail: 'uuid' });
  return value;
};

/** A subscription without its secret (shown once, by `webhook add`). */
const subscription = ({ secret: _secret, ...rest }: SubscriptionRow) => rest;

const AS = { as: { type: 'string' }, json: { type: 'boolean' } } as const;

/** SNC 10.2 proposals and IF-2 webhooks from the shell: the same services as the API, output as JSON. */
export const ADMIN_COMMANDS: Record<string, Command> = {
  'proposal list': {
    options: { ...AS, status: { type: 'string' }, kind: { type: 'string' }, party: { type: 'string' } },
    run: async (db, values) =>
      readProposals(db, await actingAs(db, values), {
        status: optional(PROPOSAL_STATUSES, values, 'status'),
        kind: optional(AGREEMENT_KINDS, values, 'kind'),
        party: values.party as string | undefined,
      }),
  },
  'proposal show': {
    options: { ...AS, id: { type: 'string' } },
    run: async (db, values) => readProposal(db, await actingAs(db, values), id(values)),
  },
  'proposal create': {
    options: {
      ...AS,
      party: { type: 'string' },
      'effective-from': { type: 'string' },
      reason: { type: 'string' },
      change: { type: 'string' },
    },
    async run(db, values) {
      const actor = await actingAs(db, values);
      const effectiveFrom = required(values, 'effective-from');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom))
        throw new AppError('validation.invalid', 'effective-from', { field: 'effective-from', detail: 'iso_date' });
      return proposeChange(db, actor, {
        party: values.party as string | undefined,
        effectiveFrom,
        reason: values.reason as string | undefined,
        change: parsed(AgreementChangeSchema, json(values, 'change'), 'change'),
      });
    },
  },
  'proposal accept': {
    options: { ...AS, id: { type: 'string' }, note: { type: 'string' } },
    run: async (db, values) =>
      decideProposal(db, await actingAs(db, values), id(values), 'accepted', values.note as string | undefined),
  },
  'proposal refuse': {
    options: { ...AS, id: { type: 'string' }, reason: { type: 'string' } },
    run: async (db, values) =>
      decideProposal(db, await actingAs(db, values), id(values), 'refused', required(values, 'reason')),
  },
  'proposal withdraw': {
    options: { ...AS, id: { type: 'string' }, reason: { type: 'string' } },
    run: async (db, values) => withdrawProposal(db, await actingAs(db, values), id(values), required(values, 'reason')),
  },
  'webhook list': {
    options: { ...AS },
    run: async (db, values) => (await readWebhooks(db, await actingAs(db, values))).map(subscription),
  },
  'webhook add': {
    options: {
      ...AS,
      url: { type: 'string' },
      kinds: { type: 'string' },
      clearance: { type: 'string' },
      description: { type: 'string' },
    },
    run: async (db, values) =>
      createSubscription(db, await actingAs(db, values), {
        url: required(values, 'url'),
        eventKinds:
          typeof values.kinds === 'string'
            ? values.kinds
                .split(',')
                .map((k) => k.trim())
                .filter(Boolean)
            : [],
        clearance: oneOf(SENSITIVITIES, required(values, 'clearance'), 'clearance'),
        description: values.description as string | undefined,
      }),
  },
  'webhook set': {
    options: { ...AS, id: { type: 'string' }, url: { type: 'string' }, status: { type: 'string' } },
    run: async (db, values) =>
      subscription(
        await updateWebhook(db, await actingAs(db, values), id(values), {
          url: values.url as string | undefined,
          status: optional(['active', 'paused'] as const, values, 'status'),
        }),
      ),
  },
  'webhook deliveries': {
    options: { ...AS, id: { type: 'string' } },
    run: async (db, values) => readDeliveries(db, await actingAs(db, values), id(values)),
  },
  'webhook replay': {
    options: { ...AS, id: { type: 'string' }, delivery: { type: 'string' } },
    run: async (db, values) => replayDelivery(db, await actingAs(db, values), id(values), id(values, 'delivery')),
  },
};
