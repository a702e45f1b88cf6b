import { tlpFor } from './security.ts';
import type { Sensitivity } from './sensitivity.ts';

/** CSAF 2.0 remediation categories (CBM-4). */
export const CSAF_REMEDIATIONS = [
  'vendor_fix',
  'workaround',
  'mitigation',
  'no_fix_planned',
  'none_available',
] as const;
export type CsafRemediation = (typeof CSAF_REMEDIATIONS)[number];

/** One entry of a notice's revision history (CSAF `tracking.revision_history`). */
export interface VulnerabilityRevision {
  number: string;
  date: string;
  summary: string;
}

export interface VulnerabilityNotice {
  trackingId: string;
  title: string;
  description: string;
  vendor: string;
  product: string;
  productVersion: string;
  cve: string | null;
  remediationCategory: CsafRemediation;
  remediation: string;
  sensitivity: Sensitivity;
  revisions: VulnerabilityRevision[];
  createdAt: Date;
}

/** CSAF 2.0 knows TLP 1.0 labels only: CLEAR is WHITE, AMBER+STRICT is AMBER with its restriction in `text`. */
const CSAF_TLP = { CLEAR: 'WHITE', GREEN: 'GREEN', AMBER: 'AMBER', 'AMBER+STRICT': 'AMBER', RED: 'RED' } as const;

/**
 * CBM-4: a notice as a CSAF 2.0 security advisory (profile `csaf_security_advisory`): the
 * publishing party, the TLP of its ETS level, the revision history, one product and one
 * vulnerability with its remediation.
 */
export function csafAdvisory(notice: VulnerabilityNotice, publisher: { name: string; namespace: string }) {
  const tlp = tlpFor(notice.sensitivity);
  const productId = 'CSAFPID-0001';
  const current = notice.revisions[notice.revisions.length - 1]!;
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: {
        text: `TLP:${tlp} — shared between the parties through Passerelle.`,
        tlp: { label: CSAF_TLP[tlp], url: 'https://www.first.org/tlp/' },
      },
      lang: 'en',
      notes: [{ category: 'summary', title: 'Summary', text: notice.description }],
      publisher: { category: 'coordinator', name: publisher.name, namespace: publisher.namespace },
      title: notice.title,
      tracking: {
        current_release_date: current.date,
        id: notice.trackingId,
        initial_release_date: notice.revisions[0]!.date,
        revision_history: notice.revisions.map((r) => ({ date: r.date, number: r.number, summary: r.summary })),
        status: 'final',
        version: current.number,
      },
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: notice.vendor,
          branches: [
            {
              category: 'product_name',
              name: notice.product,
              branches: [
                {
                  category: 'product_version',
                  name: notice.productVersion,
                  product: {
                    name: `${notice.vendor} ${notice.product} ${notice.productVersion}`,
                    product_id: productId,
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    vulnerabilities: [
      {
        ...(notice.cve ? { cve: notice.cve } : {}),
        notes: [{ category: 'description', title: 'Description', text: notice.description }],
        product_status: { known_affected: [productId] },
        remediations: [{ category: notice.remediationCategory, details: notice.remediation, product_ids: [productId] }],
        title: notice.title,
      },
    ],
  };
}
