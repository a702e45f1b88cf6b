import type { Asset } from '../../../../contract/security.ts';
import { NO_SECURITY_DETAILS, securityDetailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useGet } from '../../ui/useGet.ts';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { AnalysisRow, type ImpactRow } from './AnalysisRow.tsx';

const EMPTY: ImpactRow = {
  assetId: '',
  confidentiality: 'none',
  integrity: 'none',
  availability: 'none',
  consequences: {},
};

/** SEC-4: the C/I/A loss per asset of the sensitive information list, consequences per party, measures and resources. */
export function RecordAnalysisForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const d = securityDetailsOf(detail) ?? NO_SECURITY_DETAILS;
  const lis = useGet<{ items: Asset[] }>('/assets?lis=true&limit=200');
  const [rows, setRows] = useDraftField<ImpactRow[]>('rows', () =>
    d.impacts?.length
      ? d.impacts.flatMap(({ assetName: _n, assetId, ...rest }) => (assetId ? [{ ...rest, assetId }] : []))
      : [EMPTY],
  );
  const [initial, setInitial] = useDraftField('initial', d.measures?.initial ?? '');
  const [followUp, setFollowUp] = useDraftField('followUp', d.measures?.followUp ?? '');
  const [resources, setResources] = useDraftField('resources', d.measures?.resources ?? '');
  const fieldError = useFieldError(props.error);
  const assets = lis.data?.items ?? [];

  function body() {
    const impacts = rows.map((row) => ({
      ...row,
      consequences: Object.fromEntries(
        Object.entries(row.consequences)
          .map(([p, v]) => [p, v.trim()])
          .filter(([, v]) => v),
      ),
    }));
    return {
      impacts,
      initialMeasures: initial.trim(),
      followUpMeasures: followUp.trim(),
      resources: resources.trim(),
    };
  }

  return (
    <ActionForm action="record_analysis" body={body} {...props}>
      {!lis.loading && assets.length === 0 && (
        <p className="alert alert--warning">{t('action.record_analysis.noAssets')}</p>
      )}
      {rows.map((row, index) => (
        <AnalysisRow
          key={index}
          index={index}
          row={row}
          assets={assets}
          parties={detail.participants}
          error={fieldError}
          onChange={(next) => setRows((current) => current.map((r, i) => (i === index ? next : r)))}
          onRemove={rows.length > 1 ? () => setRows((current) => current.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <button type="button" className="btn" onClick={() => setRows((current) => [...current, EMPTY])}>
        {t('action.record_analysis.add')}
      </button>
      <Field label={t('security.measures.initial')} required name="initialMeasures">
        {(c) => (
          <textarea
            {...c}
            name="initialMeasures"
            rows={2}
            required
            value={initial}
            onChange={(e) => setInitial(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('security.measures.followUp')} required name="followUpMeasures">
        {(c) => (
          <textarea
            {...c}
            name="followUpMeasures"
            rows={2}
            required
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('security.measures.resources')} required name="resources">
        {(c) => (
          <textarea
            {...c}
            name="resources"
            rows={2}
            required
            value={resources}
            onChange={(e) => setResources(e.target.value)}
          />
        )}
      </Field>
    </ActionForm>
  );
}
