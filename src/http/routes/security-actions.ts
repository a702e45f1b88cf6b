import { z } from 'zod';
import { FOLLOW_UP_KINDS, LOSS_LEVELS, REGULATORY_STAGES } from '../../domain/security.ts';
import { SEVERITIES } from '../../domain/taxonomy.ts';

import { characterise } from '../../services/security/characterise.ts';
import { addFollowUp, completeFollowUp } from '../../services/security/follow-ups.ts';
import { formTeam } from '../../services/security/form-team.ts';
import { issueReport } from '../../services/security/issue-report.ts';
import { notifyAuthority } from '../../services/security/notify-authority.ts';
import { recordAnalysis } from '../../services/security/record-analysis.ts';
import { recordIndicator } from '../../services/security/record-indicator.ts';
import { contain, recover } from '../../services/security/respond.ts';
import { Impact, Instant, plain, text } from '../schemas.ts';
import { v, actionRoute, type ActionRoute } from './action-route.ts';

const long = text(20_000);
const Cia = z.enum(['confidentiality', 'integrity', 'availability']);
const Loss = z.enum(LOSS_LEVELS);
const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);

/** The actions of security incidents (SEC-1 … SEC-8). */
export const SECURITY_ACTIONS: ActionRoute[] = [
  actionRoute({
    action: 'form_team',
    summary:
      'Form the incident management team (named members, or the roster for the event type), then add or remove named members; ' +
      "the owning party's security officer only — another party's officer proposes members (SEC-2)",
    body: z.object({
      ...v,
      members: z.array(z.uuid()).max(50).optional(),
      eventType: z.string().max(60).optional(),
      remove: z.array(z.uuid()).max(50).optional(),
    }),
    run: formTeam,
  }),
  actionRoute({
    action: 'characterise',
    summary:
      'Characterise: taxonomy class and type, severity (common or national scale), impact, awareness, C/I/A touched (SEC-1, SEC-9)',
    body: z
      .object({
        ...v,
        taxonomyClass: z.string().max(60),
        taxonomyType: z.string().max(60),
        severity: z.enum(SEVERITIES).optional(),
        nationalSeverity: text(60).optional(),
        impact: Impact,
        awareAt: Instant.optional(),
        personalData: z.boolean(),
        ciaAffected: z.array(Cia).max(3),
      })
      .refine((b) => b.severity !== undefined || b.nationalSeverity !== undefined, {
        path: ['severity'],
        message: 'severity or nationalSeverity is required',
      }),
    run: characterise,
  }),
  actionRoute({
    action: 'record_analysis',
    summary: 'Record the C/I/A loss per information asset, consequences per party, measures and resources (SEC-4)',
    body: z.object({
      ...v,
      impacts: z
        .array(
          z.object({
            assetId: z.uuid(),
            confidentiality: Loss,
            integrity: Loss,
            availability: Loss,
            consequences: z.record(PartyCode, text(4000)),
          }),
        )
        .min(1)
        .max(100),
      initialMeasures: long,
      followUpMeasures: long,
      resources: text(4000),
    }),
    run: recordAnalysis,
  }),
  actionRoute({
    action: 'contain',
    summary: 'Record the containment (SEC-5)',
    body: z.object({ ...v, summary: long }),
    run: contain,
  }),
  actionRoute({
    action: 'recover',
    summary: 'Record the recovery, the link reconnection and the registry teams informed (SEC-5)',
    body: z.object({
      ...v,
      summary: long,
      linkDisconnected: z.boolean(),
      linkReconnectedAt: Instant.optional(),
      registryTeamsInformed: z.boolean(),
    }),
    run: recover,
  }),
  actionRoute({
    action: 'issue_response_report',
    summary: 'Issue the response report to level 3 (SEC-5)',
    body: z.object({ ...v }),
    run: (ctx, id, input) => issueReport(ctx, id, 'response', input),
  }),
  actionRoute({
    action: 'issue_final_report',
    summary: 'Issue the final report to level 3 (SEC-5)',
    body: z.object({ ...v }),
    run: (ctx, id, input) => issueReport(ctx, id, 'final', input),
  }),
  actionRoute({
    action: 'record_indicator',
    summary: 'Record an indicator of compromise as a STIX 2.1 pattern (ISM-5)',
    body: z.object({ ...v, name: text(200), pattern: text(2000) }),
    run: recordIndicator,
  }),
  actionRoute({
    action: 'add_follow_up',
    summary: 'Add a follow-up action: weakness, procedure change or training (SEC-6)',
    body: z.object({
      ...v,
      kind: z.enum(FOLLOW_UP_KINDS),
      description: text(4000),
      exploitable: z.boolean().optional(),
    }),
    run: addFollowUp,
  }),
  actionRoute({
    action: 'complete_follow_up',
    summary: 'Complete a follow-up action (SEC-6)',
    body: z.object({ ...v, id: z.uuid(), note: plain(4000).optional() }),
    run: completeFollowUp,
  }),
  actionRoute({
    action: 'notify_authority',
    summary: 'Record a regulatory stage as sent, with its recipient and content (SEC-8)',
    body: z.object({ ...v, stage: z.enum(REGULATORY_STAGES), recipient: text(200), content: long }),
    run: notifyAuthority,
  }),
];
