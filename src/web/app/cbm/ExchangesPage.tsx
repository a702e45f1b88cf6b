import type { Exchange } from '../../../contract/exchanges.ts';
import { useI18n } from '../i18n.tsx';
import { href, navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { SENSITIVITIES } from '../ui/constants.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { opt, RecordForm } from './fields.tsx';

const KINDS = ['threats', 'strategy', 'policy', 'measures', 'yearly_summary'];
const LANGUAGES = ['en', 'fr', 'de', 'it', 'es', 'ru'];

/** CBM-3: the submissions of every party my clearance covers, and the form to distribute one. */
export function ExchangesPage() {
  const { t, formatDate } = useI18n();
  useTitle(t('cbm.exchanges.title'));
  const { user } = useSession();
  const list = useGet<{ items: Exchange[] }>('/exchanges');
  const writes = user.roles.some((r) => ['level_manager', 'security_officer', 'party_admin'].includes(r));
  return (
    <>
      <h1 id="cbm-title">{t('cbm.exchanges.title')}</h1>
      <FormError error={list.error} />
      {list.data && list.data.items.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <ul>
        {list.data?.items.map((e) => (
          <li key={e.id}>
            <a href={href(`/exchanges/${e.id}`)}>{e.title}</a>{' '}
            <span className="muted">
              {e.party} · {t(`cbm.exchanges.kinds.${e.kind}`)}
              {e.year ? ` ${e.year}` : ''} · TLP:{e.tlp} · {formatDate(e.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      {writes && (
        <RecordForm
          title={t('cbm.exchanges.submit')}
          submit={t('cbm.exchanges.submit')}
          path="/exchanges"
          initial={{ kind: 'threats', language: user.language, sensitivity: 'LIMITED' }}
          fields={[
            {
              name: 'kind',
              label: t('cbm.exchanges.kind'),
              options: KINDS.map((k) => ({ value: k, label: t(`cbm.exchanges.kinds.${k}`) })),
            },
            { name: 'year', label: t('cbm.exchanges.year'), type: 'number', hint: t('cbm.exchanges.yearHint') },
            { name: 'title', label: t('cbm.title'), required: true },
            {
              name: 'language',
              label: t('cbm.exchanges.language'),
              options: LANGUAGES.map((l) => ({ value: l, label: l })),
            },
            { name: 'body', label: t('cbm.exchanges.body'), required: true, multiline: true },
            { name: 'bodyEn', label: t('cbm.exchanges.bodyEn'), multiline: true, hint: t('cbm.exchanges.bodyEnHint') },
            {
              name: 'sensitivity',
              label: t('ticket.sensitivity'),
              options: SENSITIVITIES.map((s) => ({ value: s, label: t(`sensitivity.${s}`) })),
            },
          ]}
          toBody={(v) => ({
            kind: v.kind,
            ...(opt(v.year) ? { year: Number(v.year) } : {}),
            title: v.title ?? '',
            language: v.language,
            body: v.body ?? '',
            ...(opt(v.bodyEn) ? { bodyEn: v.bodyEn } : {}),
            sensitivity: v.sensitivity,
          })}
          onDone={(created: Exchange) => navigate(`/exchanges/${created.id}`)}
        />
      )}
    </>
  );
}
