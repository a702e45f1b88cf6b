import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { FactList } from '../ui/FactList.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import type { ExchangeDetail as Detail } from '../../../contract/exchanges.ts';
import { RecordForm } from './fields.tsx';

/** CBM-3: a submission (opening it records my read receipt), its questions and answers, and its readers for its party. */
export function ExchangeDetail({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const loaded = useGet<Detail>(`/exchanges/${id}`);
  const e = loaded.data;
  useTitle(e?.title ?? t('cbm.exchanges.title'));
  if (!e) return <FormError error={loaded.error} />;
  const own = e.party === user.party;
  return (
    <>
      <p>
        <a href={href('/exchanges')}>{t('cbm.exchanges.title')}</a>
      </p>
      <h1 id="cbm-title">{e.title}</h1>
      <FactList
        facts={[
          [t('cbm.party'), e.party],
          [t('cbm.exchanges.kind'), `${t(`cbm.exchanges.kinds.${e.kind}`)}${e.year ? ` ${e.year}` : ''}`],
          ['TLP', `TLP:${e.tlp}`],
          [t('ticket.sensitivity'), t(`sensitivity.${e.sensitivity}`)],
        ]}
      />
      <div className="prose" lang={e.language}>
        {e.body}
      </div>
      {e.bodyEn && (
        <>
          <h2>{t('cbm.exchanges.bodyEn')}</h2>
          <div className="prose" lang="en">
            {e.bodyEn}
          </div>
        </>
      )}
      {e.reads && (
        <>
          <h2>{t('cbm.exchanges.reads')}</h2>
          <ul>
            {e.reads.map((r, index) => (
              <li key={index}>
                {r.party} — {formatDate(r.at)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('cbm.exchanges.questions')}</h2>
      {e.questions.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <ul>
        {e.questions.map((q) => (
          <li key={q.id}>
            <p>
              {q.party} · {formatDate(q.askedAt)}: {q.question}
            </p>
            {q.answer ? (
              <p>
                {t('cbm.exchanges.answer')}: {q.answer}
              </p>
            ) : (
              own && (
                <RecordForm
                  title={t('cbm.exchanges.answerQuestion')}
                  submit={t('cbm.exchanges.answerQuestion')}
                  path={`/exchanges/${id}/questions/${q.id}/answer`}
                  fields={[{ name: 'answer', label: t('cbm.exchanges.answer'), required: true, multiline: true }]}
                  toBody={(v) => ({ answer: v.answer ?? '' })}
                  onDone={(d: Detail) => loaded.setData(d)}
                />
              )
            )}
          </li>
        ))}
      </ul>
      <RecordForm
        title={t('cbm.exchanges.ask')}
        submit={t('cbm.exchanges.ask')}
        path={`/exchanges/${id}/questions`}
        fields={[{ name: 'question', label: t('cbm.exchanges.question'), required: true, multiline: true }]}
        toBody={(v) => ({ question: v.question ?? '' })}
        onDone={(d: Detail) => loaded.setData(d)}
      />
    </>
  );
}
