import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { SelectField, TextField } from '../ui/form/inputs.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useParties } from '../ui/useParties.ts';
import { PriorityMatrixFields, type Matrix } from './PriorityMatrixFields.tsx';
import { checkRows, rowsFrom, type SlaRows, type SlaTarget, type TicketType } from './slaRows.ts';
import { SlaTargetsFields } from './SlaTargetsFields.tsx';
import { AGREEMENT_KINDS, CHANGE_TEMPLATES, DEFAULT_MATRIX, type Proposal } from './types.ts';

const json = (kind: string) => JSON.stringify(CHANGE_TEMPLATES[kind], null, 2);

/**
 * SNC 10.2: a party administrator proposes a change of the agreement from a date on. The priority
 * matrix and the SLA targets are edited field by field, starting from what is in force; the
 * other kinds as JSON.
 */
export function ProposeForm({ onProposed }: { onProposed(p: Proposal): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const parties = useParties() ?? [];
  const [kind, setKind] = useState<string>('priority_matrix');
  const [party, setParty] = useState(user.party);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [reason, setReason] = useState('');
  const [change, setChange] = useState(json('priority_matrix'));
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [targets, setTargets] = useState<SlaTarget[]>([]);
  const [ticketType, setTicketType] = useState<TicketType>('incident');
  const [rows, setRows] = useState<SlaRows>(() => rowsFrom([], 'incident'));
  const inForce = parties.find((p) => p.id === party)?.priorityMatrix;
  const shownMatrix = matrix ?? inForce ?? DEFAULT_MATRIX;

  // The targets in force for the chosen party are the starting point of the SLA form.
  useEffect(() => {
    if (kind !== 'sla_targets') return;
    let current = true;
    api.get<{ items: SlaTarget[] }>(`/parties/${party}/sla-targets`).then(
      (r) => {
        if (!current) return;
        setTargets(r.items);
        setRows(rowsFrom(r.items, ticketType));
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      current = false;
    };
    // The ticket type is applied by its own handler, without reloading.
  }, [kind, party]);

  function slaCheck(): Record<string, string> | { items: SlaTarget[] } {
    const checked = checkRows(rows, ticketType);
    if ('items' in checked) return checked;
    return Object.fromEntries(Object.entries(checked.errors).map(([f, e]) => [f, t(e.key, e.values)]));
  }

  function body(): object {
    if (kind === 'priority_matrix') return { kind, matrix: shownMatrix };
    if (kind === 'sla_targets') {
      const checked = slaCheck();
      if (!('items' in checked)) {
        const [field, message] = Object.entries(checked)[0]!;
        throw new ApiError(400, 'validation.invalid', message, field, checked);
      }
      return { kind, items: checked.items };
    }
    let parsed: object;
    try {
      parsed = JSON.parse(change) as object;
    } catch {
      const message = t('agreement.invalidJson');
      throw new ApiError(400, 'validation.invalid', message, 'change', { change: message });
    }
    return { ...parsed, kind };
  }

  const form = useFormSubmit(async () => {
    const proposal = await api.post<Proposal>('/agreement/proposals', {
      party,
      effectiveFrom,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      change: body(),
    });
    setReason('');
    setMatrix(null);
    onProposed(proposal);
  });

  function recheck(): Record<string, string> | null {
    if (kind === 'sla_targets') {
      const checked = slaCheck();
      return 'items' in checked ? null : checked;
    }
    if (kind === 'priority_matrix') return null;
    try {
      JSON.parse(change);
      return null;
    } catch {
      return { change: t('agreement.invalidJson') };
    }
  }

  return (
    <FormShell
      className="card form"
      title={t('agreement.propose')}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('agreement.submit')}
      recheck={recheck}
      status={<p className="hint">{t('agreement.proposeHint')}</p>}
    >
      <div className="form-row">
        <SelectField
          name="kind"
          label={t('agreement.kind')}
          value={kind}
          onChange={(k) => {
            setKind(k);
            if (CHANGE_TEMPLATES[k]) setChange(json(k));
          }}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreement.kinds.${k}`) }))}
        />
        <SelectField
          name="party"
          label={t('agreement.party')}
          value={party}
          onChange={(p) => {
            setParty(p);
            setMatrix(null);
          }}
          options={(parties.length ? parties.map((p) => p.id) : [user.party]).map((id) => ({ value: id, label: id }))}
        />
        <TextField
          name="effectiveFrom"
          type="date"
          label={t('agreement.effectiveFrom')}
          required
          value={effectiveFrom}
          onChange={setEffectiveFrom}
        />
      </div>
      {kind === 'priority_matrix' && <PriorityMatrixFields matrix={shownMatrix} onChange={setMatrix} />}
      {kind === 'sla_targets' && (
        <SlaTargetsFields
          type={ticketType}
          onType={(type) => {
            setTicketType(type);
            setRows(rowsFrom(targets, type));
          }}
          rows={rows}
          onChange={setRows}
        />
      )}
      {kind !== 'priority_matrix' && kind !== 'sla_targets' && (
        <TextField
          name="change"
          label={t('agreement.change')}
          hint={t('agreement.changeHint')}
          rows={8}
          mono
          value={change}
          onChange={setChange}
        />
      )}
      <TextField name="reason" label={t('agreement.reason')} value={reason} onChange={setReason} />
    </FormShell>
  );
}
