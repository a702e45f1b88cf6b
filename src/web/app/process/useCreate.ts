import type { TicketDetail } from '../../../contract/schemas.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';

/** Creates a ticket with POST `endpoint`, then opens it with a confirmation (`<flashKey>` with `{ref}`). */
export function useCreate(endpoint: string, flashKey: string) {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create(body: Record<string, unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<TicketDetail>(endpoint, body);
      const path = `/tickets/${created.ref}`;
      session.notify(t(flashKey, { ref: created.ref }), path);
      navigate(path);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return { error, busy, create };
}
