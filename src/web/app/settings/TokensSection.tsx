import type { ApiToken } from '../../../contract/directory.ts';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { NewTokenForm } from './NewTokenForm.tsx';
import { DataTable } from '../ui/DataTable.tsx';

/** The user's API tokens: list, create (the secret is shown once) and revoke. */
export function TokensSection() {
  const { t, formatDate } = useI18n();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [created, setCreated] = useState<ApiToken | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function refresh() {
    try {
      setTokens((await api.get<{ items: ApiToken[] }>('/me/tokens')).items);
    } catch (caught) {
      setError(caught);
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  async function revoke(token: ApiToken) {
    setError(null);
    try {
      await api.del(`/me/tokens/${token.id}`);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  }

  const state = (token: ApiToken) =>
    token.revokedAt
      ? t('settings.tokens.revoked')
      : token.expiresAt && new Date(token.expiresAt) < new Date()
        ? t('settings.tokens.expired')
        : t('settings.tokens.active');

  return (
    <section className="card block" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('settings.tokens.title')}</h2>
      <p className="muted">{t('settings.tokens.intro')}</p>
      <FormError error={error} />
      {created?.token && (
        <div className="alert alert--success" role="status">
          <p>{t('settings.tokens.createdOnce', { name: created.name })}</p>
          <code className="secret">{created.token}</code>
        </div>
      )}
      {tokens === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : tokens.length === 0 ? (
        <p className="empty">{t('settings.tokens.none')}</p>
      ) : (
        <DataTable
          caption={t('settings.tokens.title')}
          columns={[
            t('settings.tokens.name'),
            t('settings.tokens.prefix'),
            t('settings.tokens.created'),
            t('settings.tokens.expires'),
            t('settings.tokens.lastUsed'),
            t('settings.tokens.state'),
          ]}
          actions={t('settings.tokens.actions')}
        >
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td className="mono">{token.prefix}…</td>
              <td className="nowrap">{formatDate(token.createdAt)}</td>
              <td className="nowrap">{token.expiresAt ? formatDate(token.expiresAt) : t('settings.tokens.never')}</td>
              <td className="nowrap">{token.lastUsedAt ? formatDate(token.lastUsedAt) : '—'}</td>
              <td>{state(token)}</td>
              <td>
                {!token.revokedAt && (
                  <button
                    type="button"
                    className="btn btn--small btn--danger"
                    aria-label={t('settings.tokens.revokeNamed', { name: token.name })}
                    onClick={() => void revoke(token)}
                  >
                    {t('settings.tokens.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <NewTokenForm
        onCreated={(token) => {
          setCreated(token);
          void refresh();
        }}
      />
    </section>
  );
}
