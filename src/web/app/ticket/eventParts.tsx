import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';

/** A value of an event as text, a dash when it is missing. */
export const str = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/** A list of an event as text (parties, partners…), a dash when it is empty. */
export const list = (value: unknown): string =>
  Array.isArray(value) && value.length ? value.map(String).join(', ') : '—';

/** A free text of an event and the key of its label. */
export type Labelled = [label: string, value: unknown];

/** The pieces every timeline event's body is made of, whatever its kind. */
export function useEventParts() {
  const { t } = useI18n();
  /** A free text under its label, nothing when the event does not carry it. */
  const labelled = (key: string, value: unknown) =>
    typeof value === 'string' && value ? (
      <p>
        <strong>{t(key)}</strong> <span className="prose">{value}</span>
      </p>
    ) : null;
  /** Free texts, each under its label. */
  const texts = (...items: Labelled[]) => (
    <>
      {items.map(([key, value]) => (
        <Fragment key={key}>{labelled(key, value)}</Fragment>
      ))}
    </>
  );
  /** A sentence that says what happened, then the free texts that come with it. */
  const said = (sentence: ReactNode, ...items: Labelled[]) => (
    <>
      <p>{sentence}</p>
      {texts(...items)}
    </>
  );
  /** A link to another ticket, nothing when the event names none. */
  const ticketLink = (ref: unknown) =>
    typeof ref === 'string' && ref ? (
      <a href={href(`/tickets/${ref}`)} className="mono">
        {ref}
      </a>
    ) : null;
  return { labelled, texts, said, ticketLink };
}
