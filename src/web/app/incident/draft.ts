export interface IncidentDraft {
  title: string;
  description: string;
  service: string;
  impact: Impact;
  criticality: Criticality;
  override: boolean;
  priority: Priority;
  priorityReason: string;
  sensitivity: Sensitivity;
  reporter: string;
  reporterEmail: string;
  channel: 'console' | 'phone' | 'email';
}

export const EMPTY_INCIDENT: IncidentDraft = {
  title: '',
  description: '',
  service: '',
  impact: 'I3',
  criticality: 'C2',
  override: false,
  priority: 'P4',
  priorityReason: '',
  sensitivity: 'LIMITED',
  reporter: '',
  reporterEmail: '',
  channel: 'console',
};

/** The POST /incidents body: optional fields only when filled, the priority only when overridden. */
export function incidentBody(draft: IncidentDraft, computed: Priority): Record<string, string> {
  const body: Record<string, string> = {
    title: draft.title.trim(),
    service: draft.service.trim(),
    impact: draft.impact,
    criticality: draft.criticality,
    sensitivity: draft.sensitivity,
    channel: draft.channel,
  };
  if (draft.description.trim()) body.description = draft.description.trim();
  if (draft.reporter.trim()) body.reporter = draft.reporter.trim();
  if (draft.reporterEmail.trim()) body.reporterEmail = draft.reporterEmail.trim();
  if (draft.override && draft.priority !== computed) {
    body.priority = draft.priority;
    body.priorityReason = draft.priorityReason.trim();
  }
  return body;
}
import type { Criticality, Impact, Priority } from '../../../domain/priority.ts';
import type { Sensitivity } from '../../../domain/sensitivity.ts';
