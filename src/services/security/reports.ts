import PDFDocument from 'pdfkit';
import { AppError } from '../../domain/errors.ts';
import { LEVEL3_ROLES, regulatoryClocks, tlpFor } from '../../domain/security.ts';

import type { Lang } from '../../domain/lang.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf } from '../write-path/details.ts';
import { nowOf } from '../write-path/context.ts';
import { loadVisibleTicket } from '../write-path/ticket-action.ts';
import { maskImpacts } from './mask-impacts.ts';

export type ReportKind = 'response' | 'final';

/**
 * SEC-5: a report of a security incident, delivered only to level 3 (security officers and
 * level managers of a party on the incident, cleared for it) and only once issued.
 */
export async function securityReport(ctx: ServiceContext, idOrRef: string, kind: ReportKind) {
  if (!ctx.actor.roles.some((role) => LEVEL3_ROLES.includes(role))) throw new AppError('auth.forbidden');
  const ticket = await loadVisibleTicket(ctx.db, ctx.actor, idOrRef);
  if (ticket.type !== 'security') throw new AppError('ticket.not_found');
  const d = await maskImpacts(ctx.db, ctx.actor, detailsOf(ticket, 'security'));
  const issued = d.reports?.[kind];
  if (!issued) throw new AppError('validation.invalid', 'kind', { field: 'kind', detail: 'report_not_issued' });
  const base = {
    kind,
    ref: ticket.ref,
    title: ticket.title,
    classification: { ets: ticket.sensitivity, tlp: tlpFor(ticket.sensitivity) },
    parties: ticket.participants,
    issued,
    taxonomy: d.taxonomy ?? null,
    severity: d.severity ?? null,
    awareAt: d.awareAt ?? null,
    containment: d.containment ?? null,
    recovery: d.recovery ?? null,
    linkReconnectedAt: d.recovery?.linkReconnectedAt ?? null,
    registryTeamsInformed: d.recovery?.registryTeamsInformed ?? false,
  };
  if (kind === 'response') return base;
  return {
    ...base,
    impacts: d.impacts ?? [],
    measures: d.measures ?? null,
    followUps: d.followUps ?? [],
    regulatory: regulatoryClocks(new Date(d.awareAt ?? ticket.createdAt), d.stages, nowOf(ctx)).map((c) => ({
      ...c,
      recipient: d.stages?.[c.stage]?.recipient ?? null,
    })),
  };
}

export type SecurityReport = Awaited<ReturnType<typeof securityReport>>;

const LABELS: Record<Lang, Record<string, string>> = {
  en: {
    response: 'Security incident response report',
    final: 'Security incident final report',
    classification: 'Classification',
    parties: 'Parties',
    issued: 'Issued',
    taxonomy: 'Type',
    severity: 'Severity',
    awareAt: 'Aware since',
    containment: 'Containment',
    recovery: 'Recovery',
    link: 'Link reconnected',
    teams: 'Registry teams informed',
    impacts: 'Impact per information asset',
    measures: 'Measures',
    followUps: 'Follow-up actions',
    regulatory: 'Regulatory notifications',
    hiddenAsset: 'an asset you may not see',
    yes: 'yes',
    no: 'no',
    none: '—',
  },
  fr: {
    response: 'Rapport de réponse à l’incident de sécurité',
    final: 'Rapport final d’incident de sécurité',
    classification: 'Classification',
    parties: 'Parties',
    issued: 'Émis',
    taxonomy: 'Type',
    severity: 'Gravité',
    awareAt: 'Connu depuis',
    containment: 'Confinement',
    recovery: 'Rétablissement',
    link: 'Liaison rétablie',
    teams: 'Équipes des registres informées',
    impacts: 'Impact par actif informationnel',
    measures: 'Mesures',
    followUps: 'Actions de suivi',
    regulatory: 'Notifications réglementaires',
    hiddenAsset: 'un actif que vous ne pouvez pas consulter',
    yes: 'oui',
    no: 'non',
    none: '—',
  },
};

/** The report as a PDF, marked with its ETS level and TLP label on every page, in the reader's language. */
export function reportPdf(report: SecurityReport, lang: Lang): Promise<Buffer> {
  const t = LABELS[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${report.ref} — ${t[report.kind]}`, Producer: 'Passerelle' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const marking = `ETS ${report.classification.ets} — TLP:${report.classification.tlp}`;
  doc.on('pageAdded', () => doc.fontSize(8).fillColor('red').text(marking, { align: 'right' }).fillColor('black'));
  doc.fontSize(8).fillColor('red').text(marking, { align: 'right' }).fillColor('black');
  doc.moveDown().fontSize(16).text(`${t[report.kind]} — ${report.ref}`).fontSize(12).text(report.title).moveDown();
  const line = (label: string, value: string) =>
    doc.fontSize(10).font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  line(t.parties!, report.parties.join(', '));
  line(t.issued!, `${report.issued.issuedAt} (${report.issued.by})`);
  line(t.taxonomy!, report.taxonomy ? `${report.taxonomy.class} / ${report.taxonomy.type}` : t.none!);
  line(t.severity!, report.severity ?? t.none!);
  line(t.awareAt!, report.awareAt ?? t.none!);
  line(t.containment!, report.containment?.summary ?? t.none!);
  line(t.recovery!, report.recovery?.summary ?? t.none!);
  line(t.link!, report.linkReconnectedAt ?? t.none!);
  line(t.teams!, report.registryTeamsInformed ? t.yes! : t.no!);
  if ('impacts' in report) {
    doc.moveDown().fontSize(12).text(t.impacts!);
    for (const i of report.impacts)
      doc.fontSize(10).text(
        `• ${i.assetName ?? t.hiddenAsset}: C ${i.confidentiality}, I ${i.integrity}, A ${i.availability}. ${Object.entries(
          i.consequences,
        )
          .map(([p, c]) => `${p}: ${c}`)
          .join(' ')}`,
      );
    if (report.measures)
      line(t.measures!, `${report.measures.initial} / ${report.measures.followUp} (${report.measures.resources})`);
    doc.moveDown().fontSize(12).text(t.followUps!);
    for (const f of report.followUps) doc.fontSize(10).text(`• [${f.done ? 'x' : ' '}] ${f.kind}: ${f.description}`);
    doc.moveDown().fontSize(12).text(t.regulatory!);
    for (const c of report.regulatory)
      doc
        .fontSize(10)
        .text(
          `• ${c.stage}: ${c.state}, due ${c.dueAt}${c.sentAt ? `, sent ${c.sentAt} to ${c.recipient ?? ''}` : ''}`,
        );
  }
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}
