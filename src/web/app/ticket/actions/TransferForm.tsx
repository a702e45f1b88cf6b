import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { useDirectory } from './useDirectory.ts';

/** Transfer to another party's service desk (PARTY-3). */
export function TransferForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const { parties, loaded } = useDirectory();
  const others = parties.filter((p) => p.id !== detail.holderParty);
  const [party, setParty] = useDraftField('party', '');
  const [reason, setReason] = useDraftField('reason', '');
  const chosen = party || others[0]?.id || '';

  return (
    <ActionForm
      action="transfer"
      body={() => ({ party: chosen, ...(reason.trim() ? { reason: reason.trim() } : {}) })}
      {...props}
    >
      <Field label={t('action.transfer.party')} required name="party" hint={t('action.transfer.hint')}>
        {(c) => (
          <select
            {...c}
            name="party"
            required
            value={chosen}
            disabled={!loaded}
            onChange={(e) => setParty(e.target.value)}
          >
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} — {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('action.transfer.reason')} name="reason">
        {(c) => <textarea {...c} name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </ActionForm>
  );
}
