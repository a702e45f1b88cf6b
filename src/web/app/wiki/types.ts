import type { Sensitivity } from '../../../domain/sensitivity.ts';

/** A wiki page as listed (GET /wiki/pages). */
export interface WikiSummary {
  id: string;
  slug: string;
  kind: 'page' | 'guideline';
  ownerParty: string;
  parties: string[];
  sensitivity: Sensitivity;
  title: string;
  version: number;
  updatedAt: string;
}

export interface WikiVersion {
  version: number;
  title: string;
  authorName: string;
  party: string;
  note: string | null;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  approvals: { party: string; userName: string; approvedAt: string }[];
  awaiting: string[];
}

/** A page as read (GET /wiki/pages/{slug}); `html` is sanitized by the server. */
export interface WikiDetail extends WikiSummary {
  body: string;
  html: string;
  approvedVersion: number | null;
  jointlyApproved: boolean;
  versions: WikiVersion[];
  tickets: { id: string; ref: string; title: string; status: string; type: string }[];
}

export interface WikiDiff {
  from: number;
  to: number;
  changes: { op: 'added' | 'removed' | 'same'; text: string }[];
}
