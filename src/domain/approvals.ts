import { z } from 'zod';

/** A decision awaited from, or given by, one party (request approval, assessment review, CAB, deployment, window). */
export const ApprovalSchema = z.strictObject({
  party: z.string(),
  decision: z.enum(['approved', 'refused', 'agreed', 'disagreed']).nullable(),
  by: z.string().nullable(),
  byId: z.string().nullable(),
  at: z.string().nullable(),
  note: z.string().nullable(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

/** One pending approval per party, in the order given. */
export function awaitApprovals(parties: readonly string[]): Approval[] {
  return [...new Set(parties)].map((party) => ({ party, decision: null, by: null, byId: null, at: null, note: null }));
}

/** Parties whose decision is still awaited. */
export function pendingParties(approvals: readonly Approval[] | undefined): string[] {
  return (approvals ?? []).filter((a) => a.decision === null).map((a) => a.party);
}

/** The approvals with one party's decision recorded (the caller has checked it was pending). */
export function decide(
  approvals: readonly Approval[],
  party: string,
  decision: NonNullable<Approval['decision']>,
  by: { id: string; name: string },
  at: Date,
  note: string | null | undefined,
): Approval[] {
  return approvals.map((a) =>
    a.party === party && a.decision === null
      ? { ...a, decision, by: by.name, byId: by.id, at: at.toISOString(), note: note ?? null }
      : a,
  );
}
