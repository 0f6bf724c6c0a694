import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AllocationPreviewResponse } from '../../../../contracts/evaluation-allocation';
import { useFormatters } from '../../../lib/format';
import { displayUnitOf, formatScale } from './followup-format';

/**
 * How the figures came about, in sentences: the one rescaling factor (or none), who was held at a
 * floor or ceiling, the rounding, and whether the scores are live or the published results.
 */
export function ScaleExplanation({ allocation }: { allocation: AllocationPreviewResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const unit = displayUnitOf(allocation.rule.unitYen);
  const yen = (amount: number) => f.yen(amount, unit);
  const held = allocation.lines.filter((l) => l.clamped !== null).length;
  const change = allocation.totalYen - allocation.currentTotalYen;
  return (
    <Alert color="blue" variant="light" title={t('evaluationFollowup.scale.title')}>
      <List size="sm" spacing={4}>
        <List.Item>
          {allocation.fixedTotal
            ? t('evaluationFollowup.scale.fixed', {
                scale: formatScale(allocation.scale),
                total: yen(allocation.totalYen),
                proposed: yen(allocation.proposedTotalYen),
              })
            : t('evaluationFollowup.scale.free', {
                total: yen(allocation.totalYen),
                change: `${change > 0 ? '+' : ''}${yen(change)}`,
                fy: f.fy(allocation.rule.baseFiscalYear),
              })}
        </List.Item>
        {held > 0 ? <List.Item>{t('evaluationFollowup.scale.held', { count: held })}</List.Item> : null}
        <List.Item>
          {t('evaluationFollowup.scale.rounding', { unit: f.yen(allocation.rule.unitYen, 'yen') })}
        </List.Item>
        <List.Item>{t(`evaluationFollowup.scale.source.${allocation.scoreSource}`)}</List.Item>
      </List>
    </Alert>
  );
}
