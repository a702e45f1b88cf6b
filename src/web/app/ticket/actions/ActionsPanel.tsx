import type { TicketDetail } from '../../../../contract/schemas.ts';
import { TICKET_ACTIONS } from '../../../../domain/lifecycle.ts';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useErrorText } from '../../ui/errors.tsx';
import { DraftScope, discardDraft } from '../../ui/form/drafts.ts';
import { ActionFormFor } from './ActionFormFor.tsx';
import { LONG_FORMS, MainColumn } from './MainColumn.tsx';
import { AssignToMe } from './AssignToMe.tsx';
import { nextStep } from './nextStep.ts';
import { runAction, type ActionResult } from './runAction.ts';
import { validateAction } from './validateAction.ts';

/** Rank of each action in the display order. */
const RANK = new Map<string, number>(TICKET_ACTIONS.map((action, i) => [action, i]));

/** Actions whose form stays open after it was fired, while the server still allows it (one tick after another). */
const STAYS_OPEN = new Set(['tick_checklist']);

/** PARTY-4: at most one open disagreement; only an open one is decided. */
function fitsDisagreement(action: string, detail: TicketDetail): boolean {
  if (detail.disagreement === undefined) return true;
  const open = detail.disagreement !== null && !detail.disagreement.decidedAt;
  if (action === 'record_disagreement') return !open;
  if (action === 'decide_disagreement') return open;
  return true;
}

interface Props {
  detail: TicketDetail;
  onChanged(detail: TicketDetail): void;
  reload(): Promise<void>;
  /** Told whether an action form is open (the page then holds back live refreshes). */
  onFormOpen?(open: boolean): void;
}

/** The actions the server allows on this ticket (allowedActions), each with its inline form. */
export function ActionsPanel({ detail, onChanged, reload, onFormOpen }: Props) {
  const { t, lang } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<{ kind: 'success' | 'conflict'; text: string } | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const actions = detail.allowedActions
    .filter((action) => fitsDisagreement(action, detail))
    .sort((a, b) => (RANK.get(a) ?? RANK.size) - (RANK.get(b) ?? RANK.size));
  const current = open && actions.includes(open) ? open : null;
  useEffect(() => onFormOpen?.(current !== null), [current, onFormOpen]);
  // The step the process expects next stands out; the others follow, grouped.
  const next = nextStep(detail.type, detail.status, actions);

  const button = (action: string, primary: boolean) => (
    <button
      key={action}
      ref={(el) => {
        buttons.current[action] = el;
      }}
      type="button"
      data-action={action}
      className={`btn btn--action${primary ? ' btn--primary' : ''}${current === action ? ' active' : ''}`}
      aria-expanded={current === action}
      aria-controls={current === action ? 'action-form' : undefined}
      onClick={() => toggle(action)}
    >
      {t(`action.${action}`)}
    </button>
  );

  const statusRef = useRef<HTMLParagraphElement>(null);
  // After an action the form is gone: focus moves to what happened, not to the page's top.
  const focusStatus = () => setTimeout(() => statusRef.current?.focus(), 0);

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
    // An earlier confirmation ("recorded") no longer describes the ticket.
    session.dismiss();
    setBusy(true);
    setError(null);
    setStatus(null);
    // The same schema the server checks with: every offending field is named before anything is sent.
    const invalid = validateAction(action, { ...body, version: detail.version }, lang);
    if (invalid) {
      setBusy(false);
      setError(invalid);
      return;
    }
    const result: ActionResult = await runAction(detail, action, body);
    setBusy(false);
    // Sent: the draft has served (a refused action keeps it, to be corrected).
    if (result.kind === 'updated' || result.kind === 'created') discardDraft(`${detail.id}:${action}`);
    if (result.kind === 'updated') {
      if (!STAYS_OPEN.has(action) || !result.detail.allowedActions.includes(action)) setOpen(null);
      onChanged(result.detail);
      setStatus({ kind: 'success', text: t('actions.done', { action: t(`action.${action}`) }) });
      focusStatus();
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
        <p
          ref={statusRef}
          tabIndex={-1}
          className={status.kind === 'success' ? 'alert alert--success' : 'alert alert--warning'}
          role={status.kind === 'success' ? 'status' : 'alert'}
        >
          {status.text}
        </p>
      )}
      {actions.includes('assign') && (
        <p className="actions__quick">
          <AssignToMe detail={detail} busy={busy} assign={(body) => void submit('assign', body)} />
        </p>
      )}
      {actions.length === 0 ? (
        <p className="muted">{t('actions.none')}</p>
      ) : (
        <>
          {next && (
            <div className="actions__buttons actions__next" role="group" aria-label={t('actions.next')}>
              <p className="actions__group-title">{t('actions.next')}</p>
              {button(next, true)}
            </div>
          )}
          <div className="actions__buttons" role="group" aria-label={next ? t('actions.others') : t('actions.title')}>
            {next && <p className="actions__group-title">{t('actions.others')}</p>}
            {actions.filter((action) => action !== next).map((action) => button(action, false))}
          </div>
        </>
      )}
      {current && (
        <MainColumn wide={LONG_FORMS.has(current)}>
          <DraftScope.Provider value={`${detail.id}:${current}`}>
            <ActionFormFor
              key={current}
              action={current}
              detail={detail}
              busy={busy}
              error={error}
              submit={(body) => void submit(current, body)}
              cancel={cancel}
            />
          </DraftScope.Provider>
        </MainColumn>
      )}
    </section>
  );
}
