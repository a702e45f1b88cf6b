import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { GroupSelect, useGroupChoice } from './GroupSelect.tsx';
import { useDirectory } from './useDirectory.ts';

type Mode = 'functional' | 'hierarchical';

/** Functional (another group of the holding party) or hierarchical (next level) escalation. */
export function EscalateForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const { parties, loaded } = useDirectory();
  const holder = parties.find((p) => p.id === detail.holderParty);
  const groups = (holder?.groups ?? []).filter((g) => g.id !== detail.group?.id);
  const next = holder?.escalationLevels.find((l) => l.level === detail.escalationLevel + 1);
  const [mode, setMode] = useDraftField<Mode>('mode', 'functional');
  const group = useGroupChoice(groups, '');
  const [reason, setReason] = useDraftField('reason', '');
  const fieldError = useFieldError(props.error);

  function body() {
    const base = { mode, reason: reason.trim() };
    return mode === 'functional' ? { ...base, groupId: group.value } : base;
  }

  return (
    <ActionForm action="escalate" body={body} {...props}>
      <fieldset className="radio-group">
        <legend>{t('action.escalate.mode')}</legend>
        {(['functional', 'hierarchical'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`action.escalate.${m}`)}
          </label>
        ))}
        {fieldError('mode') && (
          <p className="field-error" role="alert">
            {fieldError('mode')}
          </p>
        )}
      </fieldset>
      {mode === 'functional' ? (
        <GroupSelect label={t('action.escalate.group')} choice={group} loaded={loaded} />
      ) : (
        <p className="hint">
          {next
            ? t('action.escalate.nextLevel', { level: next.level, name: next.name })
            : t('action.escalate.noNextLevel')}
        </p>
      )}
      <Field label={t('action.escalate.reason')} required name="reason">
        {(c) => (
          <textarea {...c} name="reason" rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
    </ActionForm>
  );
}
