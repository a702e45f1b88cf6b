import { useState } from 'react';
import type { PartySecurityTxt } from '../../../contract/vulnerabilities.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { isoToLocalInput, localInputToIso } from '../ui/datetime.ts';
import { useGet } from '../ui/useGet.ts';
import { lines, RecordForm } from './fields.tsx';

/** CBM-4 / RFC 9116: what my party publishes in the instance's security.txt (administrators, security officers). */
export function SecurityTxtForm() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const path = `/parties/${user.party}/security-txt`;
  const current = useGet<PartySecurityTxt>(path);
  const [saved, setSaved] = useState(false);
  if (!current.data) return null;
  const f = current.data.fields;
  return (
    <RecordForm
      key={JSON.stringify(f)}
      title={t('cbm.securityTxt.title')}
      submit={t('cbm.securityTxt.save')}
      method="put"
      path={path}
      initial={{
        contacts: f?.contacts.join('\n') ?? '',
        expires: f ? isoToLocalInput(f.expires) : '',
        policy: f?.policy.join('\n') ?? '',
        encryption: f?.encryption.join('\n') ?? '',
        preferredLanguages: f?.preferredLanguages.join(', ') ?? '',
      }}
      fields={[
        {
          name: 'contacts',
          label: t('cbm.securityTxt.contacts'),
          multiline: true,
          required: true,
          hint: t('cbm.securityTxt.contactsHint'),
        },
        { name: 'expires', label: t('cbm.securityTxt.expires'), type: 'datetime-local', required: true },
        { name: 'policy', label: t('cbm.securityTxt.policy'), multiline: true, hint: t('cbm.onePerLine') },
        { name: 'encryption', label: t('cbm.securityTxt.encryption'), multiline: true, hint: t('cbm.onePerLine') },
        { name: 'preferredLanguages', label: t('cbm.securityTxt.languages'), hint: 'en, fr' },
      ]}
      toBody={(v) => ({
        fields: {
          contacts: lines(v.contacts),
          expires: localInputToIso(v.expires ?? '') ?? v.expires ?? '',
          policy: lines(v.policy),
          encryption: lines(v.encryption),
          acknowledgments: [],
          preferredLanguages: (v.preferredLanguages ?? '').split(/[\s,]+/).filter(Boolean),
        },
      })}
      onDone={(result: PartySecurityTxt) => {
        current.setData(result);
        setSaved(true);
      }}
    >
      {saved && f && <p role="status">{t('cbm.securityTxt.saved', { expires: formatDate(f.expires) })}</p>}
    </RecordForm>
  );
}
