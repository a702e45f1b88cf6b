import { AppError } from '../../domain/errors.ts';
import type { AssetImpact, Loss } from '../../domain/security.ts';
import { maxSensitivity, type Sensitivity } from '../../domain/sensitivity.ts';
import { visibleAssetsByIds } from '../../store/assets.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';
import { policyAlert } from './security-policy.ts';

export interface AnalysisInput {
  impacts: {
    assetId: string;
    confidentiality: Loss;
    integrity: Loss;
    availability: Loss;
    consequences: Record<string, string>;
  }[];
  initialMeasures: string;
  followUpMeasures: string;
  resources: string;
  version?: number | undefined;
}

/**
 * SEC-4: the loss of confidentiality, integrity and availability per information asset of the
 * inventory (ISM-1, only assets the analyst may see), the consequences for each organisation on
 * the incident, the measures taken and planned and their cost. What is touched feeds the
 * parties' notification policies again.
 */
export function recordAnalysis(ctx: ServiceContext, idOrRef: string, input: AnalysisInput) {
  return runTicketAction(ctx, idOrRef, 'record_analysis', input.version, async (ticket, tx) => {
    const assets = await visibleAssetsByIds(
      tx,
      ctx.actor,
      input.impacts.map((i) => i.assetId),
    );
    const impacts: AssetImpact[] = input.impacts.map((impact, index) => {
      const asset = assets.find((a) => a.id === impact.assetId);
      if (!asset)
        throw new AppError('validation.invalid', `impacts.${index}.assetId`, {
          field: `impacts.${index}.assetId`,
          detail: 'unknown_asset',
        });
      const party = Object.keys(impact.consequences).find((p) => !ticket.participants.includes(p));
      if (party)
        throw new AppError('validation.invalid', `impacts.${index}.consequences.${party}`, {
          field: `impacts.${index}.consequences.${party}`,
          detail: 'other_party_only',
        });
      return { ...impact, assetName: asset.name };
    });
    const details = detailsOf(ticket, 'security');
    // Impacts on assets this analyst may not see (recorded by someone who may) are kept as they are.
    const earlier = details.impacts ?? [];
    const seen = new Set(
      (
        await visibleAssetsByIds(
          tx,
          ctx.actor,
          earlier.flatMap((i) => (i.assetId ? [i.assetId] : [])),
        )
      ).map((a) => a.id),
    );
    impacts.push(
      ...earlier.filter((i) => i.assetId && !seen.has(i.assetId) && !impacts.some((n) => n.assetId === i.assetId)),
    );
    const touched = (['confidentiality', 'integrity', 'availability'] as const).filter((k) =>
      impacts.some((i) => i[k] !== 'none'),
    );
    const ciaAffected = [...new Set([...(details.ciaAffected ?? []), ...touched])];
    const personalData =
      Boolean(details.personalData) ||
      assets.some((a) => a.personalData && impacts.some((i) => i.assetId === a.id && i.confidentiality !== 'none'));
    const alert =
      details.ciaAffected?.length === ciaAffected.length && details.personalData === personalData
        ? []
        : await policyAlert(tx, ticket, {
            impact: ticket.impact,
            severity: details.severity,
            ciaAffected,
            personalData,
          });
    // SEC-11 / COP 9: the incident takes the highest ETS level of the assets named, now or before (never lowered);
    // runTicketAction raises it with its event, and update-ticket refuses to go below it.
    const assetLevel = assets.reduce<Sensitivity>(
      (acc, a) => maxSensitivity(acc, a.sensitivity),
      details.assetLevel ?? 'LIMITED',
    );
    return {
      patch: withDetails(ticket, 'security', {
        impacts,
        ciaAffected,
        personalData,
        assetLevel,
        measures: { initial: input.initialMeasures, followUp: input.followUpMeasures, resources: input.resources },
      }),
      events: [
        {
          event: { kind: 'analysis_recorded' as const, data: { assets: impacts.length, cia: ciaAffected, assetLevel } },
        },
        ...alert,
      ],
    };
  });
}
