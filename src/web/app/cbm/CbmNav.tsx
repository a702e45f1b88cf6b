import { useI18n } from '../i18n.tsx';
import { CBM_AREAS, href, type CbmArea } from '../router.ts';

/** The tabs of the cooperation pages (CBM-1 … CBM-6). */
export function CbmNav({ current }: { current: CbmArea }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('cbm.nav')} className="cbm-nav">
      <ul className="inline-list">
        {CBM_AREAS.map((area) => (
          <li key={area}>
            <a href={href(`/${area}`)} aria-current={area === current ? 'page' : undefined}>
              {t(`cbm.${area}.title`)}
            </a>
          </li>
        ))}
        <li>
          <a href={href('/consultations')}>{t('nav.consultations')}</a>
        </li>
      </ul>
    </nav>
  );
}
