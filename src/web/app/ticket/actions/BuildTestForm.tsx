import { detailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';
import { EMPTY_CASE, TestCasesEditor } from './TestCasesEditor.tsx';

const TEXTS = ['deliveryPlan', 'testPlan', 'leadTimes', 'delayHandling'] as const;
type Texts = Record<(typeof TEXTS)[number], string>;

/** Records the build and test of a release: plans, lead times, success indicators and the test cases with their results. */
export function BuildTestForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const previous = detailsOf(detail, 'release')?.buildTest ?? null;
  const [texts, setTexts] = useDraftField<Texts>('texts', () => ({
    deliveryPlan: previous?.deliveryPlan ?? '',
    testPlan: previous?.testPlan ?? '',
    leadTimes: previous?.leadTimes ?? '',
    delayHandling: previous?.delayHandling ?? '',
  }));
  const [indicators, setIndicators] = useDraftField('indicators', (previous?.successIndicators ?? []).join('\n'));
  const [cases, setCases] = useDraftField<(typeof EMPTY_CASE)[]>(
    'cases',
    previous?.testCases?.length ? previous.testCases : [EMPTY_CASE],
  );

  function body() {
    return {
      ...Object.fromEntries(TEXTS.map((key) => [key, texts[key].trim()])),
      successIndicators: indicators
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      testCases: cases.map((c) => ({ name: c.name.trim(), expected: c.expected.trim(), result: c.result })),
    };
  }

  return (
    <ActionForm action="record_build_test" body={body} {...props}>
      {TEXTS.map((key) => (
        <Field key={key} label={t(`action.record_build_test.${key}`)} required name={key}>
          {(c) => (
            <textarea
              {...c}
              name={key}
              rows={2}
              required
              value={texts[key]}
              onChange={(e) => setTexts((v) => ({ ...v, [key]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <Field
        label={t('action.record_build_test.successIndicators')}
        name="successIndicators"
        hint={t('action.record_build_test.successIndicatorsHint')}
      >
        {(c) => (
          <textarea
            {...c}
            name="successIndicators"
            rows={3}
            value={indicators}
            onChange={(e) => setIndicators(e.target.value)}
          />
        )}
      </Field>
      <TestCasesEditor cases={cases} onChange={setCases} error={props.error} />
    </ActionForm>
  );
}
