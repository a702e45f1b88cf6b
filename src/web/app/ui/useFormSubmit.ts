import { useState, type FormEvent } from 'react';
import { useFieldError } from './errors.tsx';

/**
 * The cycle of anything the user starts and waits for (a form, a row's button): busy while it
 * runs, its error kept for display. `stayBusy`: the form is replaced on success, so it stays busy.
 */
export function useRun({ stayBusy = false }: { stayBusy?: boolean } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await task();
      if (!stayBusy) setBusy(false);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return { busy, error, run };
}

/**
 * The submit cycle every console form shares (`useRun` around one `send`), with the server's
 * field errors at hand.
 */
export function useFormSubmit(send: () => Promise<void>, options: { stayBusy?: boolean } = {}) {
  const { busy, error, run } = useRun(options);
  const fieldError = useFieldError(error);

  /** Sends (from `FormShell`'s onSubmit, which already stopped the browser's own submit). */
  const sendNow = () => run(send);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await sendNow();
  }

  return { busy, error, fieldError, submit, send: () => void sendNow() };
}
