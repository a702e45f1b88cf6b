import { detailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { AssessmentFacts } from '../details/AssessmentFacts.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** An affected party agrees with the change assessment, or disagrees (the change goes back to assessment). */
export function ReviewAssessmentForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const assessment = detailsOf(detail, 'change')?.assessment ?? null;
  const [agree, setAgree] = useDraftField('agree', true);
  const [comment, setComment] = useDraftField('comment', '');

  return (
    <ActionForm action="review_assessment" body={() => ({ agree, comment: comment.trim() })} {...props}>
      {assessment && (
        <details className="form-summary">
          <summary>{t('action.review_assessment.showAssessment')}</summary>
          <AssessmentFacts assessment={assessment} />
        </details>
      )}
      <fieldset className="radio-group">
        <legend>{t('action.review_assessment.agree')}</legend>
        {[true, false].map((value) => (
          <label key={String(value)} className="check">
            <input
              type="radio"
              name="agree"
              value={String(value)}
              checked={agree === value}
              onChange={() => setAgree(value)}
            />
            {t(value ? 'action.review_assessment.agreeYes' : 'action.review_assessment.agreeNo')}
          </label>
        ))}
      </fieldset>
      <Field label={t('action.review_assessment.comment')} required name="comment">
        {(c) => (
          <textarea
            {...c}
            name="comment"
            rows={3}
            required
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
    </ActionForm>
  );
}
