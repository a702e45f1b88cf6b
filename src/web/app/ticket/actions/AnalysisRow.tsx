import { choiceOf, Options } from '../../ui/form/inputs.tsx';
import type { Asset } from '../../../../contract/security.ts';
import { CIA, LOSS_LEVELS, type Loss } from '../../../../domain/security.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';

export interface ImpactRow {
  assetId: string;
  confidentiality: Loss;
  integrity: Loss;
  availability: Loss;
  consequences: Record<string, string>;
}

interface Props {
  index: number;
  row: ImpactRow;
  assets: Asset[];
  parties: string[];
  error: (field: string) => string | undefined;
  onChange(row: ImpactRow): void;
  onRemove?: (() => void) | undefined;
}

/** One asset of the SEC-4 analysis: the asset, its C/I/A loss and the consequences for each party. */
export function AnalysisRow({ index, row, assets, parties, error, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const n = index + 1;
  return (
    <fieldset className="checklist-fieldset analysis-row" data-row={index}>
      <legend>{t('action.record_analysis.row', { n })}</legend>
      <Field label={t('action.record_analysis.asset', { n })} required error={error(`impacts.${index}.assetId`)}>
        {(c) => (
          <select
            {...c}
            name={`assetId-${index}`}
            required
            value={row.assetId}
            onChange={(e) => onChange({ ...row, assetId: e.target.value })}
          >
            <option value="">{t('common.choose')}</option>
            {assets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.party}
                {a.common ? ` · ${t('assets.common')}` : ''}, {t(`sensitivity.${a.sensitivity}`)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-row">
        {CIA.map((field) => (
          <Field key={field} label={t(`action.record_analysis.loss.${field}`, { n })}>
            {(c) => (
              <select
                {...c}
                name={`${field}-${index}`}
                value={row[field]}
                onChange={(e) => onChange({ ...row, [field]: choiceOf(LOSS_LEVELS, e.target.value, row[field]) })}
              >
                <Options values={LOSS_LEVELS} label={(l) => t(`loss.${l}`)} />
              </select>
            )}
          </Field>
        ))}
      </div>
      {parties.map((party) => (
        <Field
          key={party}
          label={t('action.record_analysis.consequences', { party, n })}
          error={error(`impacts.${index}.consequences`)}
        >
          {(c) => (
            <textarea
              {...c}
              rows={2}
              name={`consequences-${party}-${index}`}
              value={row.consequences[party] ?? ''}
              onChange={(e) => onChange({ ...row, consequences: { ...row.consequences, [party]: e.target.value } })}
            />
          )}
        </Field>
      ))}
      {onRemove && (
        <button type="button" className="btn btn--ghost" onClick={onRemove}>
          {t('action.record_analysis.remove', { n })}
        </button>
      )}
    </fieldset>
  );
}
