import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { localInputToUtc } from '../../ui/datetime.ts';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** SEC-5: the recovery, whether the link was disconnected and when it was reconnected, and the registry teams informed. */
export function RecoverForm(props: ActionFormProps) {
  const { t } = useI18n();
  const [summary, setSummary] = useState('');
  const [disconnected, setDisconnected] = useState(false);
  const [reconnectedAt, setReconnectedAt] = useState('');
  const [informed, setInformed] = useState(false);
  const fieldError = useFieldError(props.error);

  function onSubmit() {
    const at = disconnected ? localInputToUtc(reconnectedAt) : null;
    props.submit({
      summary: summary.trim(),
      linkDisconnected: disconnected,
      registryTeamsInformed: informed,
      ...(at ? { linkReconnectedAt: at } : {}),
    });
  }

  return (
    <ActionForm action="recover" fields={['summary', 'linkReconnectedAt']} onSubmit={onSubmit} {...props}>
      <Field label={t('action.recover.summary')} required error={fieldError('summary')}>
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
        <Field label={t('security.recovery.linkReconnectedAt')} error={fieldError('linkReconnectedAt')}>
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
