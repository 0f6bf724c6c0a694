import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GradingView } from '../../../../contracts/evaluation-grading';
import { useLocalize } from '../../../lib/format';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * The other evaluators' grades of the cluster, anonymised (A, B…): the API gives them only from
 * the scoring phase on and only to an evaluator who has submitted.
 */
export function OthersGradesTable({ view }: { view: GradingView }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const byEvaluator = view.others.map((o) => new Map(o.grades.map((g) => [g.item, g])));
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('evaluationGrading.others.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('evaluationGrading.others.intro')}
      </Text>
      <Table.ScrollContainer
        minWidth={320 + view.others.length * 200}
        scrollAreaProps={scrollRegion(t('evaluationGrading.others.title'))}
      >
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evaluationGrading.item')}</Table.Th>
              {view.others.map((o) => (
                <Table.Th scope="col" key={o.evaluator}>
                  {t('evaluationGrading.others.evaluator', { label: o.evaluator })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.items.map((item, i) => (
              <Table.Tr key={item.key}>
                <Table.Th scope="row" fw={400}>
                  {i + 1}. {localize(item.label)}
                </Table.Th>
                {byEvaluator.map((grades, n) => {
                  const g = grades.get(item.key);
                  return (
                    <Table.Td key={n}>
                      <Text fw={700}>{g?.grade ?? '—'}</Text>
                      {g?.comment ? (
                        <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                          {g.comment}
                        </Text>
                      ) : null}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
