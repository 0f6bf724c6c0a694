import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluatorRef } from '../../../../contracts/evaluation-results';
import { useLocalize } from '../../../lib/format';

/**
 * "Evaluator A" to everyone, with the name where the server gives it (officers; an evaluator's
 * own row) and "(you)" on the reader's own row.
 */
export function useEvaluatorLabel(): (ref: EvaluatorRef) => string {
  const { t } = useTranslation();
  const localize = useLocalize();
  return useCallback(
    (ref) => {
      const base = localize(ref.displayLabel);
      const named = ref.name ? `${base} — ${ref.name}` : base;
      return ref.isMe ? `${named} ${t('evaluationResults.evaluator.you')}` : named;
    },
    [t, localize],
  );
}
