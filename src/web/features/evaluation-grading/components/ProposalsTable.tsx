import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeightsResponse } from '../../../../contracts/evaluation-grading';
import { useFormatters, useLocalize } from '../../../lib/format';
import { groupItems } from './criteria-items';
import { previewMean } from './weight-math';
import { scrollRegion } from '../../../lib/scroll-region';

/** The sum of a member's figures as entered (the mean column normalises each to 100). */
function proposalTotal(weights: Readonly<Record<string, number>>): string {
  const total = Object.values(weights).reduce((sum, w) => sum + w, 0);
  return String(Number(total.toFixed(3)));
}

/**
 * Every member's proposal side by side (officers see names, members see each other as A, B…) and
 * their mean normalised to 100, which is what computing a version will give once all have proposed.
 */
export function ProposalsTable({ view }: { view: WeightsResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const mean = previewMean(
    view.items.map((i) => i.key),
    view.proposals,
  );
  const complete = view.proposedCount === view.memberCount;
  const memberName = (member: string) =>
    view.canManage ? member : t('evaluationGrading.proposals.anonymous', { label: member });
  const columns = view.proposals.length + 2;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('evaluationGrading.proposals.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t(
          view.canManage
            ? 'evaluationGrading.proposals.introNamed'
            : 'evaluationGrading.proposals.introAnonymous',
        )}
      </Text>
      <Table.ScrollContainer minWidth={360 + view.proposals.length * 110} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evaluationGrading.item')}</Table.Th>
              {view.proposals.map((p, i) => (
                <Table.Th scope="col" key={i} ta="right">
                  {memberName(p.member)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t(complete ? 'evaluationGrading.proposals.mean' : 'evaluationGrading.proposals.meanSoFar')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {groupItems(view.items).map((g) => (
            <Table.Tbody key={g.items[0]!.item.key}>
              <Table.Tr>
                <Table.Th scope="colgroup" colSpan={columns} bg="var(--mantine-color-gray-0)">
                  {localize(g.label)}
                </Table.Th>
              </Table.Tr>
              {g.items.map(({ item, number }) => (
                <Table.Tr key={item.key}>
                  <Table.Th scope="row" fw={400}>
                    {number}. {localize(item.label)}
                  </Table.Th>
                  {view.proposals.map((p, i) => (
                    <Table.Td key={i} ta="right">
                      {p.weights[item.key] ?? '—'}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={600}>
                    {mean?.get(item.key) ?? '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          ))}
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('evaluationGrading.proposals.total')}</Table.Th>
              {view.proposals.map((p, i) => (
                <Table.Td key={i} ta="right">
                  {proposalTotal(p.weights)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {mean ? '100.0' : '—'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                {t('evaluationGrading.proposals.proposedAt')}
              </Table.Th>
              {view.proposals.map((p, i) => (
                <Table.Td key={i} ta="right">
                  <Text size="xs">{f.dateTime(p.updatedAt)}</Text>
                </Table.Td>
              ))}
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
