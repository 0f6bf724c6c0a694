import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AllocationRule } from '../../../../contracts/evaluation-allocation';
import { useFormatters } from '../../../lib/format';
import { isCatchAll } from './allocation-rule';
import { displayUnitOf, formatPercent } from './followup-format';

/** A committed rule in words: its bands, the fixed total, the floor, the ceiling, the unit and the base year. */
export function RuleSummary({ rule }: { rule: AllocationRule }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const unit = displayUnitOf(rule.unitYen);
  const none = t('evaluationFollowup.rule.none');
  return (
    <List size="sm" spacing={2}>
      {rule.bands.map((b) => (
        <List.Item key={b.band}>
          <Text span fw={600} size="sm">
            {b.band}
          </Text>
          {t('common.colon')}
          {isCatchAll(b.minScore)
            ? t('evaluationFollowup.ruleSummary.anyScore')
            : t('evaluationFollowup.ruleSummary.fromScore', { score: b.minScore })}{' '}
          → {formatPercent(b.adjustment * 100, f.locale)}
        </List.Item>
      ))}
      <List.Item>
        {t('evaluationFollowup.ruleSummary.fixedTotalYen')}
        {t('common.colon')}
        {rule.fixedTotalYen === null
          ? t('evaluationFollowup.ruleSummary.notFixed')
          : f.yen(rule.fixedTotalYen, unit)}
      </List.Item>
      <List.Item>
        {t('evaluationFollowup.ruleSummary.floorYen')}
        {t('common.colon')}
        {rule.floorYen === null ? none : f.yen(rule.floorYen, unit)}
        {' · '}
        {t('evaluationFollowup.ruleSummary.ceilingYen')}
        {t('common.colon')}
        {rule.ceilingYen === null ? none : f.yen(rule.ceilingYen, unit)}
      </List.Item>
      <List.Item>
        {t('evaluationFollowup.ruleSummary.unit')}
        {t('common.colon')}
        {f.yen(rule.unitYen, 'yen')}
        {' · '}
        {t('evaluationFollowup.ruleSummary.baseFiscalYear')}
        {t('common.colon')}
        {f.fy(rule.baseFiscalYear)}
      </List.Item>
    </List>
  );
}
