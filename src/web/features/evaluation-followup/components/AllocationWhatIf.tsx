import { Alert, Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AllocationPlanResponse,
  AllocationPreviewResponse,
} from '../../../../contracts/evaluation-allocation';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import { useAllocationPreview } from '../api/allocation-api';
import { AllocationChart } from './AllocationChart';
import { AllocationTable } from './AllocationTable';
import { defaultRuleDraft, draftFromRule, roundToUnit, type RuleDraft, toRuleBody } from './allocation-rule';
import { CommitDialog } from './CommitDialog';
import { ProblemAlert } from './ProblemAlert';
import { ruleMessage } from './rule-messages';
import { ScaleExplanation } from './ScaleExplanation';
import { RuleEditor } from './RuleEditor';

/** How long the officer may keep typing before the preview is asked for. */
const PREVIEW_DEBOUNCE_MS = 300;

/** The first rule: the committed one when there is one (a replacement starts from it), else the round's bands. */
export function initialRuleDraft(round: RoundDetail, committed: AllocationPlanResponse | null): RuleDraft {
  return committed ? draftFromRule(committed.rule) : defaultRuleDraft(round);
}

interface AllocationWhatIfProps {
  round: RoundDetail;
  committed: AllocationPlanResponse | null;
}

/**
 * The officer's what-if: edit the rule and every cluster's figure follows (debounced; the last
 * figures stay while the next load, and a refused rule is explained next to its field), then
 * commit the previewed plan to next year's ledger.
 */
export function AllocationWhatIf({ round, committed }: AllocationWhatIfProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [draft, setDraft] = useState(() => initialRuleDraft(round, committed));
  const [debounced] = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const { body, missing } = useMemo(() => toRuleBody(debounced), [debounced]);
  const preview = useAllocationPreview(round.key, body);
  const [lastGood, setLastGood] = useState<AllocationPreviewResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [committedNow, setCommittedNow] = useState<AllocationPlanResponse | null>(null);

  const fresh = preview.isPlaceholderData ? undefined : preview.data;
  useEffect(() => {
    if (!fresh) return;
    setLastGood(fresh);
    // "Keep the total fixed" with no figure yet means this year's total, now that it is known.
    setDraft((d) =>
      d.isTotalFixed && d.fixedTotalYen === null
        ? { ...d, fixedTotalYen: roundToUnit(fresh.currentTotalYen, d.unitYen) }
        : d,
    );
  }, [fresh]);

  const shown = preview.data ?? lastGood;
  const isUpdating = preview.isFetching || debounced !== draft;
  const yen = useCallback((amount: number) => f.yen(amount, 'yen'), [f]);
  const serverErrors = isApiError(preview.error) ? preview.error.fieldErrors : [];
  const fieldError = (field: string): string | undefined => {
    if (missing.includes(field)) return t('evaluationFollowup.rule.required');
    const own = serverErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
    return own ? ruleMessage(own.message, t, yen) : undefined;
  };
  const isPublished = round.publishedAt !== null;
  const canCommit = isPublished && body !== null && fresh !== undefined && !isUpdating && !preview.error;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {committed ? t('evaluationFollowup.whatIf.titleReplace') : t('evaluationFollowup.whatIf.title')}
      </Title>
      <RuleEditor
        draft={draft}
        onChange={setDraft}
        fieldError={fieldError}
        currentTotalYen={
          shown && shown.rule.baseFiscalYear === draft.baseFiscalYear ? shown.currentTotalYen : null
        }
      />
      {preview.error ? (
        isApiError(preview.error) && preview.error.code === 'VALIDATION_FAILED' ? (
          <Alert color="red" variant="light" role="alert" title={t('evaluationFollowup.whatIf.refused')}>
            <List size="sm">
              {serverErrors.map((e) => (
                <List.Item key={`${e.field}:${e.message}`}>{ruleMessage(e.message, t, yen)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ProblemAlert
            error={preview.error}
            codeMessages={{
              WRONG_PHASE: t('evaluationFollowup.whatIf.wrongPhase'),
              RULE_VIOLATION: t('evaluationFollowup.whatIf.unscored'),
            }}
          />
        )
      ) : null}
      <Group gap="xs" mih={24} aria-live="polite">
        {isUpdating ? (
          <>
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm" c="dimmed">
              {t('evaluationFollowup.whatIf.updating')}
            </Text>
          </>
        ) : null}
        {shown && (preview.error || missing.length > 0) ? (
          <Badge color="gray" variant="light">
            {t('evaluationFollowup.whatIf.lastAccepted')}
          </Badge>
        ) : null}
      </Group>
      {shown ? (
        <Stack gap="md" style={{ opacity: isUpdating ? 0.7 : 1, transition: 'opacity 150ms' }}>
          {shown.currentTotalYen === 0 ? (
            <Alert color="orange" variant="light">
              {t('evaluationFollowup.whatIf.noCurrent', { fy: f.fy(shown.rule.baseFiscalYear) })}
            </Alert>
          ) : null}
          <ScaleExplanation allocation={shown} />
          <AllocationTable
            allocation={shown}
            caption={t('evaluationFollowup.whatIf.caption', { fy: f.fy(shown.fiscalYear) })}
          />
          <Title order={3} size="h4">
            {t('evaluationFollowup.chart.title')}
          </Title>
          <AllocationChart allocation={shown} />
        </Stack>
      ) : preview.isPending && body !== null ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : null}
      {committedNow ? (
        <Alert color="teal" variant="light" role="status">
          {t('evaluationFollowup.commit.done', {
            fy: f.fy(committedNow.fiscalYear),
            count: committedNow.ledgerLines.length,
          })}
        </Alert>
      ) : null}
      <Card withBorder padding="sm">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
            {isPublished
              ? t('evaluationFollowup.commit.explain', { fy: f.fy(round.allocationFiscalYear) })
              : t('evaluationFollowup.commit.notPublished')}
          </Text>
          <Button
            color={committed ? 'orange' : 'teal'}
            disabled={!canCommit}
            onClick={() => {
              setCommittedNow(null);
              setConfirming(true);
            }}
          >
            {committed ? t('evaluationFollowup.commit.replaceOpen') : t('evaluationFollowup.commit.open')}
          </Button>
        </Group>
      </Card>
      {body && fresh ? (
        <CommitDialog
          opened={confirming}
          onClose={() => setConfirming(false)}
          roundKey={round.key}
          rule={body}
          preview={fresh}
          committed={committed}
          onCommitted={(plan) => {
            setConfirming(false);
            setCommittedNow(plan);
          }}
        />
      ) : null}
    </Stack>
  );
}
