import { useState, type FormEvent } from 'react';
import { useFieldError } from './errors.tsx';

/**
 * The submit cycle every console form shares: busy while sending, the server's error (and its
 * field errors) kept for display. `stayBusy`: the form is replaced on success, so it stays busy.
 */
export function useFormSubmit(send: () => Promise<void>, { stayBusy = false }: { stayBusy?: boolean } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = useFieldError(error);

  /** Sends (from `FormShell`'s onSubmit, which already stopped the browser's own submit). */
  async function sendNow() {
    setBusy(true);
    setError(null);
    try {
      await send();
      if (!stayBusy) setBusy(false);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    await sendNow();
  }

  return { busy, error, fieldError, submit, send: () => void sendNow() };
}
