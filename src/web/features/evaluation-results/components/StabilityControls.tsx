import { Button, Group, NumberInput, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_PERTURBATION,
  DEFAULT_STABILITY_SEED,
  DEFAULT_STABILITY_TRIALS,
  MAX_STABILITY_TRIALS,
  type RoundScoresQuery,
} from '../../../../contracts/evaluation-results';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { formatCount } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';

const MAX_SEED = 2_147_483_647;
/** The contract allows a perturbation up to 0.5; the form speaks in per cent. */
const MAX_PERCENT = 50;

interface StabilityControlsProps {
  applied: RoundScoresQuery;
  onApply: (query: RoundScoresQuery) => void;
  /** Field errors the server gave for the query (`query.trials` …). */
  serverErrors?: FieldErrorMap;
  isRunning: boolean;
}

function asNumber(value: string | number): number {
  return typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
}

/**
 * The ranking-stability trials' options: how many trials, how far each weight may move (±%) and
 * the seed of the random source, so a run can be repeated exactly. Applying re-asks the server.
 */
export function StabilityControls({
  applied,
  onApply,
  serverErrors = {},
  isRunning,
}: StabilityControlsProps) {
  const { t } = useTranslation();
  const [trials, setTrials] = useState<string | number>(applied.trials);
  const [percent, setPercent] = useState<string | number>(Math.round(applied.perturbation * 1000) / 10);
  const [seed, setSeed] = useState<string | number>(applied.seed);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const error = useFieldErrors({ ...serverErrors, ...errors });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { trials: asNumber(trials), perturbation: asNumber(percent) / 100, seed: asNumber(seed) };
    const found: FieldErrorMap = {};
    if (!Number.isInteger(next.trials) || next.trials < 1 || next.trials > MAX_STABILITY_TRIALS)
      found['query.trials'] = t('evaluationResults.stability.errors.trials', {
        max: formatCount(MAX_STABILITY_TRIALS),
      });
    if (!(next.perturbation > 0 && next.perturbation <= MAX_PERCENT / 100))
      found['query.perturbation'] = t('evaluationResults.stability.errors.perturbation', {
        max: MAX_PERCENT,
      });
    if (!Number.isInteger(next.seed) || next.seed < 0 || next.seed > MAX_SEED)
      found['query.seed'] = t('evaluationResults.stability.errors.seed', { max: formatCount(MAX_SEED) });
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(next);
  };

  const reset = () => {
    setTrials(DEFAULT_STABILITY_TRIALS);
    setPercent(DEFAULT_PERTURBATION * 100);
    setSeed(DEFAULT_STABILITY_SEED);
    setErrors({});
    onApply({
      trials: DEFAULT_STABILITY_TRIALS,
      perturbation: DEFAULT_PERTURBATION,
      seed: DEFAULT_STABILITY_SEED,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('evaluationResults.stability.formLabel')}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NumberInput
          label={t('evaluationResults.stability.trials')}
          description={t('evaluationResults.stability.trialsHelp', {
            max: formatCount(MAX_STABILITY_TRIALS),
          })}
          value={trials}
          onChange={setTrials}
          min={1}
          max={MAX_STABILITY_TRIALS}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          error={error('query.trials')}
          w={180}
        />
        <NumberInput
          label={t('evaluationResults.stability.perturbation')}
          description={t('evaluationResults.stability.perturbationHelp', { max: MAX_PERCENT })}
          value={percent}
          onChange={setPercent}
          min={0.1}
          max={MAX_PERCENT}
          decimalScale={1}
          allowNegative={false}
          prefix="±"
          suffix="%"
          error={error('query.perturbation')}
          w={180}
        />
        <NumberInput
          label={t('evaluationResults.stability.seed')}
          description={t('evaluationResults.stability.seedHelp')}
          value={seed}
          onChange={setSeed}
          min={0}
          max={MAX_SEED}
          allowDecimal={false}
          allowNegative={false}
          error={error('query.seed')}
          w={200}
        />
        <Group gap="xs" mt={46}>
          <Button type="submit" loading={isRunning}>
            {t('evaluationResults.stability.run')}
          </Button>
          <Button variant="default" onClick={reset} disabled={isRunning}>
            {t('evaluationResults.stability.reset')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('evaluationResults.stability.reproducible')}
      </Text>
    </form>
  );
}
