import { choiceOf, Options } from '../../ui/form/inputs.tsx';
import { TEST_RESULTS } from '../../../../domain/processes.ts';
import { useI18n } from '../../i18n.tsx';
import type { ReleaseBuildTest } from '../../../../domain/processes.ts';

import { isFieldError, useErrorText } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';

type TestCase = ReleaseBuildTest['testCases'][number];

interface Props {
  cases: TestCase[];
  onChange(cases: TestCase[]): void;
  error: unknown;
}

export const EMPTY_CASE: TestCase = { name: '', expected: '', result: 'pending' };

/** An editable list of test cases: name, expected result and outcome; add and remove rows. */
export function TestCasesEditor({ cases, onChange, error }: Props) {
  const { t } = useI18n();
  const text = useErrorText();
  const update = (index: number, patch: Partial<TestCase>) =>
    onChange(cases.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const errorOf = (index: number, key: string) =>
    isFieldError(error, `testCases.${index}.${key}`) ? text(error) : undefined;

  return (
    <fieldset className="test-cases">
      <legend>{t('action.record_build_test.testCases')}</legend>
      {isFieldError(error, 'testCases') && !cases.some((_, i) => isFieldError(error, `testCases.${i}`)) && (
        <p className="field-error" role="alert">
          {text(error)}
        </p>
      )}
      {cases.length === 0 && <p className="muted">{t('testCase.none')}</p>}
      <ol className="test-cases__list">
        {cases.map((testCase, index) => (
          <li key={index} className="test-case">
            <fieldset className="test-case__fields">
              <legend>{t('testCase.number', { n: index + 1 })}</legend>
              <Field label={t('testCase.name')} required error={errorOf(index, 'name')}>
                {(c) => (
                  <input
                    {...c}
                    name={`testCases.${index}.name`}
                    required
                    value={testCase.name}
                    onChange={(e) => update(index, { name: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('testCase.expected')} required error={errorOf(index, 'expected')}>
                {(c) => (
                  <input
                    {...c}
                    name={`testCases.${index}.expected`}
                    required
                    value={testCase.expected}
                    onChange={(e) => update(index, { expected: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('testCase.result')} error={errorOf(index, 'result')}>
                {(c) => (
                  <select
                    {...c}
                    name={`testCases.${index}.result`}
                    value={testCase.result}
                    onChange={(e) => update(index, { result: choiceOf(TEST_RESULTS, e.target.value, testCase.result) })}
                  >
                    <Options values={TEST_RESULTS} label={(result) => t(`testCase.result.${result}`)} />
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => onChange(cases.filter((_, i) => i !== index))}
              >
                {t('testCase.remove', { n: index + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn--small" onClick={() => onChange([...cases, EMPTY_CASE])}>
        {t('testCase.add')}
      </button>
    </fieldset>
  );
}
