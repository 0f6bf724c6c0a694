import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundScoresResponse } from '../../../../contracts/evaluation-results';
import { useLocale, useLocalize } from '../../../lib/format';
import { ALPHA_COLORS, alphaReading, formatAlpha, numberedItemLabels } from './result-format';
import { scrollRegion } from '../../../lib/scroll-region';

interface AgreementPanelProps {
  agreement: RoundScoresResponse['agreement'];
  items: RoundScoresResponse['items'];
}

function ReadingBadge({ alpha }: { alpha: number | null }) {
  const { t } = useTranslation();
  const reading = alphaReading(alpha);
  return (
    <Badge color={ALPHA_COLORS[reading]} variant="light">
      {t(`evaluationResults.agreement.reading.${reading}`)}
    </Badge>
  );
}

/**
 * How far the evaluators agree (Krippendorff's alpha for ordinal grades), for the round and per
 * item, each with its plain-language reading.
 */
export function AgreementPanel({ agreement, items }: AgreementPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const labels = numberedItemLabels(items, localize);
  const groups = new Map(items.map((i) => [i.key, localize(i.groupLabel)]));
  const overall = agreement.overall;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="baseline">
        <Text fw={600}>
          {t('evaluationResults.agreement.overall', { alpha: formatAlpha(overall.alpha, locale) })}
        </Text>
        <ReadingBadge alpha={overall.alpha} />
      </Group>
      <Text size="sm">{t(`evaluationResults.agreement.explain.${alphaReading(overall.alpha)}`)}</Text>
      <Text size="sm" c="dimmed">
        {t('evaluationResults.agreement.basis', {
          values: overall.pairableValues,
          units: overall.pairableUnits,
        })}{' '}
        {t('evaluationResults.agreement.scaleNote')}
      </Text>
      <Table.ScrollContainer minWidth={520} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder striped fz="sm">
          <Table.Caption>{t('evaluationResults.agreement.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationResults.distribution.item')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.agreement.alpha')}</Table.Th>
              <Table.Th>{t('evaluationResults.agreement.readingHeading')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.agreement.pairable')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.items.map((i) => (
              <Table.Tr key={i.item}>
                <Table.Td>
                  {labels.get(i.item) ?? i.item}
                  <Text size="xs" c="dimmed">
                    {groups.get(i.item)}
                  </Text>
                </Table.Td>
                <Table.Td className="kcp-num">{formatAlpha(i.alpha, locale)}</Table.Td>
                <Table.Td>
                  <ReadingBadge alpha={i.alpha} />
                </Table.Td>
                <Table.Td className="kcp-num">
                  {t('evaluationResults.agreement.pairableValue', {
                    values: i.pairableValues,
                    units: i.pairableUnits,
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
