import { useI18n } from '../../i18n.tsx';
import { CLOSURE_CHECKLIST } from '../../ui/constants.ts';
import { isFieldError, useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

type Checklist = Record<(typeof CLOSURE_CHECKLIST)[number], boolean>;
const NONE: Checklist = {
  categorisationVerified: false,
  informationComplete: false,
  documentationUpdated: false,
  stakeholdersInformed: false,
};

/** Formal closure with the INC-6 checklist (owning desk only). */
export function CloseForm(props: ActionFormProps) {
  const { t } = useI18n();
  const [checklist, setChecklist] = useDraftField<Checklist>('checklist', NONE);
  const [note, setNote] = useDraftField('note', '');
  const fieldError = useFieldError(props.error);
  // The server names the first unticked item (`checklist.<item>`); say which one in words and mark it.
  const missing = CLOSURE_CHECKLIST.find((k) => isFieldError(props.error, k));
  const checklistError = missing
    ? t('action.close.itemMissing', { item: t(`checklist.${missing}`) })
    : fieldError('checklist');

  return (
    <ActionForm action="close" body={() => ({ checklist, ...(note.trim() ? { note: note.trim() } : {}) })} {...props}>
      <fieldset className="checklist-fieldset" aria-describedby={checklistError ? 'close-checklist-error' : undefined}>
        <legend>{t('action.close.checklist')}</legend>
        {CLOSURE_CHECKLIST.map((item) => (
          <label key={item} className="check">
            <input
              type="checkbox"
              name={item}
              aria-invalid={missing === item || undefined}
              checked={checklist[item]}
              onChange={(e) => setChecklist({ ...checklist, [item]: e.target.checked })}
            />
            {t(`checklist.${item}`)}
          </label>
        ))}
        {checklistError && (
          <p id="close-checklist-error" className="field-error" role="alert">
            {checklistError}
          </p>
        )}
      </fieldset>
      <Field label={t('action.close.note')} name="note">
        {(c) => <textarea {...c} name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </ActionForm>
  );
}
