import { useI18n } from '../../i18n.tsx';
import { localInputToUtc } from '../../ui/datetime.ts';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** SEC-5: the recovery, whether the link was disconnected and when it was reconnected, and the registry teams informed. */
export function RecoverForm(props: ActionFormProps) {
  const { t } = useI18n();
  const [summary, setSummary] = useDraftField('summary', '');
  const [disconnected, setDisconnected] = useDraftField('disconnected', false);
  const [reconnectedAt, setReconnectedAt] = useDraftField('reconnectedAt', '');
  const [informed, setInformed] = useDraftField('informed', false);

  function body() {
    const at = disconnected ? localInputToUtc(reconnectedAt) : null;
    return {
      summary: summary.trim(),
      linkDisconnected: disconnected,
      registryTeamsInformed: informed,
      ...(at ? { linkReconnectedAt: at } : {}),
    };
  }

  return (
    <ActionForm action="recover" body={body} {...props}>
      <Field label={t('action.recover.summary')} required name="summary">
        {(c) => (
          <textarea
            {...c}
            name="summary"
            rows={3}
            required
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          name="linkDisconnected"
          checked={disconnected}
          onChange={(e) => setDisconnected(e.target.checked)}
        />
        {t('security.recovery.linkDisconnected')}
      </label>
      {disconnected && (
        <Field label={t('security.recovery.linkReconnectedAt')} name="linkReconnectedAt">
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              name="linkReconnectedAt"
              value={reconnectedAt}
              onChange={(e) => setReconnectedAt(e.target.value)}
            />
          )}
        </Field>
      )}
      <label className="check">
        <input
          type="checkbox"
          name="registryTeamsInformed"
          checked={informed}
          onChange={(e) => setInformed(e.target.checked)}
        />
        {t('security.recovery.registryTeamsInformed')}
      </label>
    </ActionForm>
  );
}
