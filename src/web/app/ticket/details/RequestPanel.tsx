import { localized } from '../../details.ts';
import type { PresentedRequest as RequestDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useCatalogue } from '../../process/useCatalogue.ts';
import { FactList } from '../../ui/FactList.tsx';
import { ApprovalsTable } from './ApprovalsTable.tsx';
import { TasksTable } from './TasksTable.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';

const show = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** The catalogue item and its filled form, approvals and fulfilment tasks of a service request. */
export function RequestPanel({ details, ownerParty }: { details: RequestDetails; ownerParty: string }) {
  const { t, lang } = useI18n();

  // The form's labels come from the owning party's catalogue item; the key stands in until then.
  const catalogue = useCatalogue('request', ownerParty);
  const fields =
    catalogue.items.find((item) => item.id === details.catalogueItem.id || item.code === details.catalogueItem.code)
      ?.fields ?? [];
  const labelOf = (key: string) => localized(fields.find((f) => f.key === key)?.label, lang) || key;
  // In the form's order once it is known.
  const rank = (key: string) => fields.findIndex((f) => f.key === key) + 1 || 999;
  const values = Object.entries(details.values ?? {}).sort(([a], [b]) => rank(a) - rank(b));
  return (
    <DetailsPanel type="request">
      <FactList
        facts={[
          [
            t('request.catalogueItem'),
            <>
              {localized(details.catalogueItem.name, lang)}{' '}
              <span className="muted mono">{details.catalogueItem.code}</span>
            </>,
          ],
          [t('details.request.approvalRequired'), t(details.approvalRequired ? 'common.yes' : 'common.no')],
          [
            t('details.request.requesterAccepted'),
            details.requesterAccepted === null || details.requesterAccepted === undefined
              ? null
              : t(details.requesterAccepted ? 'common.yes' : 'common.no'),
          ],
        ]}
      />
      <h3>{t('details.request.values')}</h3>
      {values.length === 0 ? (
        <p className="muted">{t('details.request.noValues')}</p>
      ) : (
        <FactList facts={values.map(([key, value]) => [labelOf(key), <span className="prose">{show(value)}</span>])} />
      )}
      <h3>{t('details.request.approvals')}</h3>
      <ApprovalsTable caption={t('details.request.approvals')} approvals={details.approvals ?? []} />
      <h3>{t('details.request.tasks')}</h3>
      <TasksTable tasks={details.tasks ?? []} />
    </DetailsPanel>
  );
}
