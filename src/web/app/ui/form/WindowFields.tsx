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
}

/** The start and end of a window, in the browser's time zone, neither in the past, the end after the start. */
export function WindowFields({ startsAt, endsAt, setStartsAt, setEndsAt, startLabel, endLabel }: Props) {
  const { t } = useI18n();
  const hint = t('common.localTime', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const now = isoToLocalInput(new Date());
  return (
    <>
      <TextField
        name="startsAt"
        label={startLabel}
        hint={hint}
        required
        type="datetime-local"
        min={now}
        value={startsAt}
        onChange={setStartsAt}
      />
      <TextField
        name="endsAt"
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
