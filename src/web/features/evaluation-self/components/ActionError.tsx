import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';

/** The evaluation codes this feature explains itself (the shared messages do not know them). */
const EXPLAINED = ['WRONG_PHASE', 'SUBMISSION_LOCKED', 'INVALID_TRANSITION', 'RULE_VIOLATION'] as const;
type Explained = (typeof EXPLAINED)[number];

function isExplained(code: string): code is Explained {
  return (EXPLAINED as readonly string[]).includes(code);
}

/** A failed write, headed by what it means for a report or an interview; the server's detail below. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const title =
    isApiError(error) && isExplained(error.code) ? t(`evaluationSelf.errors.${error.code}`) : undefined;
  return <ErrorAlert error={error} title={title} />;
}
