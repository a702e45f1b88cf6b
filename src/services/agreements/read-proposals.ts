import type { Actor } from '../../domain/actor.ts';
import type { AgreementKind, ProposalStatus } from '../../domain/agreement.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findProposal, listProposals, type ProposalRow } from '../../store/agreements.ts';

export type { ProposalRow };

/** Proposals the actor's party made or is asked about; `status: 'applied'` lists the versions of the agreement. */
export async function readProposals(
  db: Db,
  actor: Actor,
  filter: { status?: ProposalStatus | undefined; kind?: AgreementKind | undefined; party?: string | undefined },
  limit = 100,
) {
  return listProposals(db, actor.party, filter, limit);
}

export async function readProposal(db: Db, actor: Actor, id: string) {
  const row = await findProposal(db, actor.party, id);
  if (!row) throw new AppError('agreement.not_found');
  return row;
}
