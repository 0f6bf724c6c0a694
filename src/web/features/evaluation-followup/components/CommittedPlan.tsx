import { Alert, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AllocationPlanResponse } from '../../../../contracts/evaluation-allocation';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters } from '../../../lib/format';
import { AllocationTable } from './AllocationTable';
import { displayUnitOf } from './followup-format';
import { RuleSummary } from './RuleSummary';

/**
 * The allocation committed for next fiscal year: when, the rule, every cluster's figure with the
 * ledger line it wrote, why it replaced an earlier plan, and the plans it replaced.
 */
export function CommittedPlan({ plan }: { plan: AllocationPlanResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const unit = displayUnitOf(plan.rule.unitYen);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('evaluationFollowup.plan.title', { fy: f.fy(plan.fiscalYear) })}
          </Title>
          <Text size="lg" fw={600}>
            <YenAmount yen={plan.totalYen} unit={unit} />
          </Text>
        </Group>
        <Text size="sm">
          {t('evaluationFollowup.plan.committedAt', {
            at: f.dateTime(plan.committedAt),
            source: plan.ledgerSource,
          })}
        </Text>
        {plan.replaceReason ? (
          <Alert color="orange" variant="light" title={t('evaluationFollowup.plan.replaceReason')}>
            {plan.replaceReason}
          </Alert>
        ) : null}
        <RuleSummary rule={plan.rule} />
        {plan.hiddenClusterCount > 0 ? (
          <Text size="sm" c="dimmed">
            {t('evaluationFollowup.plan.hidden', { count: plan.hiddenClusterCount })}
          </Text>
        ) : null}
        <AllocationTable
          allocation={plan}
          ledgerLines={plan.ledgerLines}
          caption={t('evaluationFollowup.plan.caption', { fy: f.fy(plan.fiscalYear) })}
        />
        <Title order={3} size="h5">
          {t('evaluationFollowup.plan.history')}
        </Title>
        {plan.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evaluationFollowup.plan.noHistory')}
          </Text>
        ) : (
          <Table withTableBorder fz="sm">
            <Table.Caption>{t('evaluationFollowup.plan.historyCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluationFollowup.plan.historyPlan')}</Table.Th>
                <Table.Th>{t('evaluationFollowup.plan.historyCommitted')}</Table.Th>
                <Table.Th>{t('evaluationFollowup.plan.historySuperseded')}</Table.Th>
                <Table.Th className="kcp-num">{t('evaluationFollowup.plan.historyTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.history.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>#{h.id}</Table.Td>
                  <Table.Td>{h.committedAt ? f.dateTime(h.committedAt) : '–'}</Table.Td>
                  <Table.Td>{f.dateTime(h.supersededAt)}</Table.Td>
                  <Table.Td className="kcp-num">
                    <YenAmount yen={h.totalYen} unit={unit} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
