import { useI18n } from '../../i18n.tsx';
import { isoToLocalInput } from '../datetime.ts';
import { TextField } from './inputs.tsx';

interface Props {
  startsAt: string;
  endsAt: string;
  setStartsAt(value: string): void;
  setEndsAt(value: string): void;
  startLabel: string;
  endLabel: string;
  /** The body fields the two times fill. */
  names?: readonly [start: string, end: string];
  /** The start may lie in the past (a change assessed after the fact). */
  allowPast?: boolean;
}

/** The start and end of a window, in the browser's time zone, neither in the past (unless allowed), the end after the start. */
export function WindowFields({ startsAt, endsAt, setStartsAt, setEndsAt, startLabel, endLabel, ...props }: Props) {
  const { t } = useI18n();
  const [startName, endName] = props.names ?? ['startsAt', 'endsAt'];
  const hint = t('common.localTime', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const now = props.allowPast ? undefined : isoToLocalInput(new Date());
  return (
    <>
      <TextField
        name={startName}
        label={startLabel}
        hint={hint}
        required
        type="datetime-local"
        min={now}
        value={startsAt}
        onChange={setStartsAt}
      />
      <TextField
        name={endName}
        label={endLabel}
        hint={hint}
        required
        type="datetime-local"
        min={startsAt || now}
        value={endsAt}
        onChange={setEndsAt}
      />
    </>
  );
}
