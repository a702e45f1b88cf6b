import { useRef, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import type { TicketDetail } from '../../types.ts';
import { useErrorText } from '../../ui/errors.tsx';
import { ActionFormFor } from './ActionFormFor.tsx';
import { runAction, type ActionResult } from './runAction.ts';

/** Display order of the actions; anything else the server allows comes last. */
const ORDER = ['comment', 'assign', 'transfer', 'escalate', 'record_known_error', 'pend', 'resume', 'resolve', 'reject_resolution', 'verify', 'close', 'update', 'record_recurrence', 'declare_security_incident'];

interface Props {
  detail: TicketDetail;
  onChanged(detail: TicketDetail): void;
  reload(): Promise<void>;
}

/** The actions the server allows on this ticket (allowedActions), each with its inline form. */
export function ActionsPanel({ detail, onChanged, reload }: Props) {
  const { t } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<{ kind: 'success' | 'conflict'; text: string } | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const actions = [...detail.allowedActions].sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
  const current = open && actions.includes(open) ? open : null;

  function toggle(action: string) {
    setError(null);
    setStatus(null);
    setOpen(current === action ? null : action);
  }

  function cancel() {
    const action = current;
    setOpen(null);
    setError(null);
    if (action) buttons.current[action]?.focus();
  }

  async function submit(action: string, body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    setStatus(null);
    const result: ActionResult = await runAction(detail, action, body);
    setBusy(false);
    if (result.kind === 'updated') {
      setOpen(null);
      onChanged(result.detail);
      setStatus({ kind: 'success', text: t('actions.done', { action: t(`action.${action}`) }) });
    } else if (result.kind === 'created') {
      const path = `/tickets/${result.ref}`;
      setOpen(null);
      if (result.visible) {
        session.notify(t(`action.${action}.done`, { ref: result.ref }), path);
        navigate(path);
      } else {
        setStatus({ kind: 'success', text: t(`action.${action}.done`, { ref: result.ref }) });
        await reload();
      }
    } else if (result.kind === 'conflict') {
      setStatus({ kind: 'conflict', text: errorText(result.error) });
      await reload();
    } else {
      setError(result.error);
    }
  }

  return (
    <section className="card actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {status && (
        <p className={status.kind === 'success' ? 'alert alert--success' : 'alert alert--warning'} role={status.kind === 'success' ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      {actions.length === 0 ? (
        <p className="muted">{t('actions.none')}</p>
      ) : (
        <div className="actions__buttons" role="group" aria-label={t('actions.title')}>
          {actions.map((action) => (
            <button
              key={action}
              ref={(el) => {
                buttons.current[action] = el;
              }}
              type="button"
              data-action={action}
              className={`btn btn--action${current === action ? ' active' : ''}`}
              aria-expanded={current === action}
              aria-controls={current === action ? 'action-form' : undefined}
              onClick={() => toggle(action)}
            >
              {t(`action.${action}`)}
            </button>
          ))}
        </div>
      )}
      {current && (
        <ActionFormFor key={current} action={current} detail={detail} busy={busy} error={error} submit={(body) => void submit(current, body)} cancel={cancel} />
      )}
    </section>
  );
}
