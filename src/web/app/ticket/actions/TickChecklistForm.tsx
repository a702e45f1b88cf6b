import { detailsOf } from '../../details.ts';
import { RELEASE_CHECKLIST } from '../../../../domain/processes.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** The REL-6 items still open, one button each: a press ticks that item (recorded with who and when). */
export function TickChecklistForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const checklist = detailsOf(detail, 'release')?.checklist ?? {};
  const open = RELEASE_CHECKLIST.filter((item) => !checklist[item]);
  const list = useRef<HTMLUListElement>(null);
  const count = useRef(open.length);

  // After a tick the pressed button is gone: keep the keyboard on the next open item.
  useEffect(() => {
    if (open.length < count.current) list.current?.querySelector<HTMLButtonElement>('button')?.focus();
    count.current = open.length;
  }, [open.length]);

  return (
    <ActionForm action="tick_checklist" body={() => ({})} hideSubmit {...props}>
      {open.length === 0 ? (
        <p className="muted">{t('action.tick_checklist.allDone')}</p>
      ) : (
        <>
          <p className="hint">{t('action.tick_checklist.hint')}</p>
          <ul className="tick-list" ref={list}>
            {open.map((item) => (
              <li key={item}>
                <button
                  type="button"
                  className="btn btn--small"
                  data-item={item}
                  disabled={props.busy}
                  onClick={() => props.submit({ item })}
                >
                  {t('action.tick_checklist.tick', { item: t(`releaseChecklist.${item}`) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </ActionForm>
  );
}
