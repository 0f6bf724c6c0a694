import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  AllocationPlanResponse,
  AllocationPreviewResponse,
} from '../../../../contracts/evaluation-allocation';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters, useLocalize } from '../../../lib/format';
import { displayUnitOf, formatPercent, formatScore } from './followup-format';
import { scrollRegion } from '../../../lib/scroll-region';

interface AllocationTableProps {
  allocation: AllocationPreviewResponse;
  /** The committed plan's ledger lines, shown as a last column. */
  ledgerLines?: AllocationPlanResponse['ledgerLines'];
  caption: string;
}

function changeColor(yen: number): string | undefined {
  if (yen > 0) return 'teal.8';
  if (yen < 0) return 'red.8';
  return undefined;
}

/**
 * Every cluster in rank order: its score and band, the rule's band and adjustment, this year's
 * subsidy, the proposal, the final figure and the change, with the clusters held at a floor or
 * ceiling flagged; a totals row closes it.
 */
export function AllocationTable({ allocation, ledgerLines, caption }: AllocationTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const locale = f.locale;
  const localize = useLocalize();
  const unit = displayUnitOf(allocation.rule.unitYen);
  const ledger = new Map((ledgerLines ?? []).map((l) => [l.clusterKey, l]));
  const totalChange = allocation.totalYen - allocation.currentTotalYen;
  const totalPercent =
    allocation.currentTotalYen === 0 ? null : (totalChange / allocation.currentTotalYen) * 100;
  return (
    <Table.ScrollContainer minWidth={1100} scrollAreaProps={scrollRegion()}>
      <Table striped withTableBorder stickyHeader fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="kcp-num">{t('evaluationFollowup.table.rank')}</Table.Th>
            <Table.Th>{t('evaluationFollowup.table.cluster')}</Table.Th>
            <Table.Th>{t('evaluationFollowup.table.band')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationFollowup.table.totalScore')}</Table.Th>
            <Table.Th>{t('evaluationFollowup.table.allocationBand')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationFollowup.table.adjustment')}</Table.Th>
            <Table.Th className="kcp-num">
              {t('evaluationFollowup.table.current', { fy: f.fy(allocation.rule.baseFiscalYear) })}
            </Table.Th>
            <Table.Th className="kcp-num">{t('evaluationFollowup.table.proposed')}</Table.Th>
            <Table.Th className="kcp-num">
              {t('evaluationFollowup.table.final', { fy: f.fy(allocation.fiscalYear) })}
            </Table.Th>
            <Table.Th className="kcp-num">{t('evaluationFollowup.table.changeYen')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationFollowup.table.changePercent')}</Table.Th>
            <Table.Th>{t('evaluationFollowup.table.clamped')}</Table.Th>
            {ledgerLines ? <Table.Th>{t('evaluationFollowup.table.ledgerLine')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {allocation.lines.map((l) => {
            const line = ledger.get(l.cluster.key);
            return (
              <Table.Tr key={l.cluster.id}>
                <Table.Td className="kcp-num">{l.rank ?? '–'}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/clusters/${encodeURIComponent(l.cluster.key)}`} size="sm">
                    {localize(l.cluster.name)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{l.band ? <Badge variant="light">{l.band}</Badge> : '–'}</Table.Td>
                <Table.Td className="kcp-num">{formatScore(l.totalScore)}</Table.Td>
                <Table.Td>{l.allocationBand}</Table.Td>
                <Table.Td className="kcp-num">{formatPercent(l.adjustment * 100, locale)}</Table.Td>
                <Table.Td className="kcp-num">
                  <YenAmount yen={l.currentYen} unit={unit} />
                </Table.Td>
                <Table.Td className="kcp-num">
                  <YenAmount yen={l.proposedYen} unit={unit} />
                </Table.Td>
                <Table.Td className="kcp-num" fw={600}>
                  <YenAmount yen={l.finalYen} unit={unit} />
                </Table.Td>
                <Table.Td className="kcp-num">
                  <Text span inherit c={changeColor(l.changeYen)}>
                    {l.changeYen > 0 ? '+' : ''}
                    <YenAmount yen={l.changeYen} unit={unit} />
                  </Text>
                </Table.Td>
                <Table.Td className="kcp-num">
                  <Text span inherit c={changeColor(l.changeYen)}>
                    {formatPercent(l.changePercent, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {l.clamped ? (
                    <Badge color={l.clamped === 'floor' ? 'orange' : 'violet'} variant="light">
                      {t(`evaluationFollowup.clamped.${l.clamped}`)}
                    </Badge>
                  ) : null}
                </Table.Td>
                {ledgerLines ? (
                  <Table.Td>
                    {line?.id != null ? t('evaluationFollowup.table.ledgerLineId', { id: line.id }) : '–'}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Td colSpan={6}>
              {t('evaluationFollowup.table.totals', { count: allocation.lines.length })}
            </Table.Td>
            <Table.Td className="kcp-num">
              <YenAmount yen={allocation.currentTotalYen} unit={unit} />
            </Table.Td>
            <Table.Td className="kcp-num">
              <YenAmount yen={allocation.proposedTotalYen} unit={unit} />
            </Table.Td>
            <Table.Td className="kcp-num">
              <YenAmount yen={allocation.totalYen} unit={unit} />
            </Table.Td>
            <Table.Td className="kcp-num">
              {totalChange > 0 ? '+' : ''}
              <YenAmount yen={totalChange} unit={unit} />
            </Table.Td>
            <Table.Td className="kcp-num">{formatPercent(totalPercent, locale)}</Table.Td>
            <Table.Td colSpan={ledgerLines ? 2 : 1} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
