import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { KnownErrorPicker } from './KnownErrorPicker.tsx';

type Mode = 'search' | 'describe';

/** Records the known error of an incident: one from the known-error base (copies its workaround, links the problem) or described here. */
export function RecordKnownErrorForm(props: ActionFormProps) {
  const { t } = useI18n();
  const [mode, setMode] = useDraftField<Mode>('mode', 'search');
  const [knownErrorId, setKnownErrorId] = useDraftField('knownErrorId', '');
  const [knownError, setKnownError] = useDraftField('knownError', '');
  const [workaround, setWorkaround] = useDraftField('workaround', '');
  const fieldError = useFieldError(props.error);

  function body() {
    return mode === 'search' ? { knownErrorId } : { knownError: knownError.trim(), workaround: workaround.trim() };
  }

  return (
    <ActionForm action="record_known_error" body={body} {...props}>
      <fieldset className="radio-group">
        <legend>{t('action.record_known_error.mode')}</legend>
        {(['search', 'describe'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`action.record_known_error.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'search' ? (
        <>
          <KnownErrorPicker chosen={knownErrorId} onChoose={setKnownErrorId} />
          {fieldError('knownErrorId') && (
            <p className="field-error" role="alert">
              {fieldError('knownErrorId')}
            </p>
          )}
        </>
      ) : (
        <>
          <Field label={t('action.record_known_error.knownError')} required name="knownError">
            {(c) => (
              <textarea
                {...c}
                name="knownError"
                rows={3}
                required
                value={knownError}
                onChange={(e) => setKnownError(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('action.record_known_error.workaround')} required name="workaround">
            {(c) => (
              <textarea
                {...c}
                name="workaround"
                rows={3}
                required
                value={workaround}
                onChange={(e) => setWorkaround(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
