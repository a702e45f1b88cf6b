import { FOLLOW_UP_KINDS } from '../../../../domain/security.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { Options } from '../../ui/form/inputs.tsx';

/** SEC-6: a follow-up action; an exploitable weakness keeps the incident ETS CRITICAL until done. */
export function AddFollowUpForm(props: ActionFormProps) {
  const { t } = useI18n();
  const [kind, setKind] = useDraftField<string>('kind', 'weakness');
  const [description, setDescription] = useDraftField('description', '');
  const [exploitable, setExploitable] = useDraftField('exploitable', false);

  return (
    <ActionForm
      action="add_follow_up"
      body={() => ({ kind, description: description.trim(), ...(kind === 'weakness' ? { exploitable } : {}) })}
      {...props}
    >
      <Field label={t('action.add_follow_up.kind')} required name="kind">
        {(c) => (
          <select {...c} name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <Options values={FOLLOW_UP_KINDS} label={(k) => t(`followUpKind.${k}`)} />
          </select>
        )}
      </Field>
      <Field label={t('action.add_follow_up.description')} required name="description">
        {(c) => (
          <textarea
            {...c}
            name="description"
            rows={3}
            required
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      {kind === 'weakness' && (
        <label className="check">
          <input
            type="checkbox"
            name="exploitable"
            checked={exploitable}
            onChange={(e) => setExploitable(e.target.checked)}
          />
          {t('action.add_follow_up.exploitable')}
        </label>
      )}
    </ActionForm>
  );
}
