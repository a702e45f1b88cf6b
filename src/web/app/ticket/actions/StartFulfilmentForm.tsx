import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { useParties } from '../../ui/useParties.ts';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Starts fulfilment with one task per chosen party (none chosen: the catalogue item's fulfillers). */
export function StartFulfilmentForm(props: ActionFormProps) {
  const { t } = useI18n();
  const parties = useParties();
  const [chosen, setChosen] = useDraftField<string[]>('chosen', []);
  const fieldError = useFieldError(props.error);

  function toggle(party: string, on: boolean) {
    setChosen((list) => (on ? [...list.filter((p) => p !== party), party] : list.filter((p) => p !== party)));
  }

  return (
    <ActionForm action="start_fulfilment" body={() => (chosen.length ? { parties: chosen } : {})} {...props}>
      <fieldset className="radio-group">
        <legend>{t('action.start_fulfilment.parties')}</legend>
        {(parties ?? []).map((party) => (
          <label key={party.id} className="check">
            <input
              type="checkbox"
              name="parties"
              value={party.id}
              checked={chosen.includes(party.id)}
              onChange={(e) => toggle(party.id, e.target.checked)}
            />
            {party.id} — {party.name}
          </label>
        ))}
        <p className="hint">{t('action.start_fulfilment.hint')}</p>
        {fieldError('parties') && (
          <p className="field-error" role="alert">
            {fieldError('parties')}
          </p>
        )}
      </fieldset>
    </ActionForm>
  );
}
