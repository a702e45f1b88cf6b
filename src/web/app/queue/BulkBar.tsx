import type { TicketSummary } from '../../../contract/schemas.ts';
import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { useDirectory } from '../ticket/actions/useDirectory.ts';
import { FormShell } from '../ui/form/FormShell.tsx';
import { SelectField, TextField } from '../ui/form/inputs.tsx';

type BulkAction = 'assign_to_me' | 'transfer' | 'comment';
const BULK_ACTIONS: readonly BulkAction[] = ['assign_to_me', 'transfer', 'comment'];

export interface Outcome {
  ref: string;
  ok: boolean;
  text: string;
}

/**
 * One action on every selected ticket, each sent on its own (the server checks each against
 * its rights and state): the result is listed ticket by ticket.
 */
export function BulkBar({ selected, onDone }: { selected: TicketSummary[]; onDone(outcomes: Outcome[]): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { parties, users } = useDirectory();
  const [action, setAction] = useState<BulkAction>('assign_to_me');
  const [party, setParty] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const others = parties.filter((p) => p.id !== user.party);
  const myGroups = users.find((u) => u.id === user.id)?.groupIds ?? [];

  function bodyFor(ticket: TicketSummary): [string, Record<string, unknown>] | string {
    if (action === 'comment') return ['comment', { body: text.trim(), visibility: 'shared' }];
    if (action === 'transfer')
      return ['transfer', { party: party || others[0]?.id, ...(text.trim() ? { reason: text.trim() } : {}) }];
    const groups = parties.find((p) => p.id === ticket.holderParty)?.groups ?? [];
    const group =
      ticket.group && myGroups.includes(ticket.group.id)
        ? ticket.group.id
        : groups.find((g) => myGroups.includes(g.id))?.id;
    return group
      ? ['assign', { groupId: group, assigneeId: user.id }]
      : t('bulk.noGroup', { party: ticket.holderParty });
  }

  async function run() {
    setBusy(true);
    const results: Outcome[] = [];
    for (const ticket of selected) {
      const planned = bodyFor(ticket);
      if (typeof planned === 'string') {
        results.push({ ref: ticket.ref, ok: false, text: planned });
        continue;
      }
      try {
        await api.post(`/tickets/${encodeURIComponent(ticket.id)}/actions/${planned[0]}`, planned[1]);
        results.push({ ref: ticket.ref, ok: true, text: t('bulk.done') });
      } catch (error) {
        results.push({
          ref: ticket.ref,
          ok: false,
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        });
      }
    }
    setBusy(false);
    onDone(results);
  }

  return (
    <FormShell
      className="card form bulk"
      title={t('bulk.title', { count: selected.length })}
      level={2}
      onSubmit={() => void run()}
      error={null}
      busy={busy}
      disabled={selected.length === 0}
      submitLabel={t('bulk.submit')}
    >
      <div className="form-row">
        <SelectField
          name="bulkAction"
          label={t('bulk.action')}
          value={action}
          onChange={(value) => setAction(value)}
          options={BULK_ACTIONS.map((a) => ({ value: a, label: t(`bulk.${a}`) }))}
        />
        {action === 'transfer' && (
          <SelectField
            name="party"
            label={t('bulk.party')}
            value={party || others[0]?.id || ''}
            onChange={setParty}
            options={others.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        {action !== 'assign_to_me' && (
          <TextField
            name="text"
            label={t(action === 'comment' ? 'bulk.comment.body' : 'bulk.reason')}
            className="grow"
            rows={2}
            value={text}
            onChange={setText}
          />
        )}
      </div>
    </FormShell>
  );
}

/** What a bulk action did to each ticket. */
export function BulkOutcomes({ outcomes }: { outcomes: readonly Outcome[] }) {
  const { t } = useI18n();
  return (
    <section className="card block" aria-labelledby="bulk-outcomes-title">
      <h2 id="bulk-outcomes-title">{t('bulk.outcomes')}</h2>
      <ul className="bulk__outcomes" role="status">
        {outcomes.map((o) => (
          <li key={o.ref} className={o.ok ? 'bulk__ok' : 'bulk__failed'}>
            <span className="mono">{o.ref}</span> — {o.ok ? '✓' : '✗'} {o.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
