import {
  Accordion,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { RoundShell } from '../../../components/RoundShell';
import { useFormatters, useLocalize } from '../../../lib/format';
import { PhaseTimeline } from '../components/PhaseTimeline';
import { isCatchAll } from '../components/round-defaults';
import { RoundSettingsForm } from '../components/RoundSettingsForm';
import { RoundStatusActions } from '../components/RoundStatusActions';

function Facts({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const itemCount = round.criteria.reduce((n, g) => n + g.items.length, 0);
  const rows: [string, string][] = [
    [t('evaluationRounds.overview.kind'), t(`roundKind.${round.kind}`)],
    [t('evaluationRounds.overview.fiscalYear'), f.fy(round.fiscalYear)],
    [t('evaluationRounds.overview.allocationFiscalYear'), f.fy(round.allocationFiscalYear)],
    [t('evaluationRounds.overview.announceOn'), round.announceOn ? f.date(round.announceOn) : '—'],
    [t('evaluationRounds.overview.publishedAt'), round.publishedAt ? f.dateTime(round.publishedAt) : '—'],
    [t('evaluationRounds.overview.clusterCount'), f.count(round.clusters.length)],
    [t('evaluationRounds.overview.itemCount'), f.count(itemCount)],
  ];
  if (round.canManage) {
    const evaluators = round.members.filter((m) => m.role === 'evaluator').length;
    const weighting = round.members.filter((m) => m.role === 'weighting_member').length;
    rows.push([
      t('evaluationRounds.overview.groups'),
      t('evaluationRounds.overview.groupsValue', { evaluators, weighting }),
    ]);
  }
  return (
    <Table variant="vertical" withTableBorder>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={220}>{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CriteriaTree({ round }: { round: RoundDetail }) {
  const localize = useLocalize();
  return (
    <Accordion multiple variant="separated" defaultValue={round.criteria.map((g) => g.key)}>
      {round.criteria.map((g) => (
        <Accordion.Item key={g.key} value={g.key}>
          <Accordion.Control>
            <Text fw={600}>{localize(g.label)}</Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              {g.items.map((it) => (
                <div key={it.key}>
                  <Text size="sm" fw={500}>
                    {localize(it.label)}
                  </Text>
                  {it.aspects.length > 0 ? (
                    <List size="xs" c="dimmed" withPadding>
                      {it.aspects.map((a, i) => (
                        <List.Item key={i}>{localize(a)}</List.Item>
                      ))}
                    </List>
                  ) : null}
                </div>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function ScaleAndBands({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluationRounds.scale.grade')}</Table.Th>
            <Table.Th ta="right">{t('evaluationRounds.scale.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.scale.map((s) => (
            <Table.Tr key={s.grade}>
              <Table.Td fw={600}>{s.grade}</Table.Td>
              <Table.Td ta="right">{s.points}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluationRounds.bands.band')}</Table.Th>
            <Table.Th ta="right">{t('evaluationRounds.bands.minScore')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.bands.map((b) => (
            <Table.Tr key={b.band}>
              <Table.Td fw={600}>{b.band}</Table.Td>
              <Table.Td ta="right">
                {isCatchAll(b.minScore) ? t('evaluationRounds.bands.anyLower') : `≥ ${b.minScore}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}

function Overview({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const [editing, { open, close }] = useDisclosure(false);
  const editable = round.canManage && round.status !== 'published' && round.status !== 'closed';
  return (
    <Stack gap="lg">
      {round.canManage ? (
        <Paper withBorder p="md">
          <Group justify="space-between" align="flex-start">
            <RoundStatusActions round={round} />
            {editable ? (
              <Button variant="light" onClick={open}>
                {t('evaluationRounds.settings.edit')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : null}
      <Modal opened={editing} onClose={close} title={t('evaluationRounds.settings.title')} size="90%">
        <RoundSettingsForm round={round} onSaved={close} />
      </Modal>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack>
          <Title order={2} size="h3">
            {t('evaluationRounds.overview.facts')}
          </Title>
          <Facts round={round} />
        </Stack>
        <Stack>
          <Title order={2} size="h3">
            {t('evaluationRounds.overview.phases')}
          </Title>
          <PhaseTimeline round={round} />
        </Stack>
      </SimpleGrid>
      <Stack>
        <Title order={2} size="h3">
          {t('evaluationRounds.overview.clusters')}
        </Title>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationRounds.overview.cluster')}</Table.Th>
              <Table.Th>{t('evaluationRounds.overview.startFiscalYear')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.clusters.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>
                  <Anchor component={Link} to={`/clusters/${encodeURIComponent(c.key)}`}>
                    {localize(c.name)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.startFiscalYear ? f.fy(c.startFiscalYear) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <Stack>
        <Title order={2} size="h3">
          {t('evaluationRounds.overview.criteria')}
        </Title>
        <CriteriaTree round={round} />
      </Stack>
      <Stack>
        <Title order={2} size="h3">
          {t('evaluationRounds.overview.scaleAndBands')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('evaluationRounds.overview.scoreRule')}
        </Text>
        <ScaleAndBands round={round} />
      </Stack>
    </Stack>
  );
}

/** /rounds/:key — a round's facts, phases, target clusters, criteria tree, scale and bands; officers move it on. */
export function RoundOverviewPage() {
  const { key = '' } = useParams();
  return (
    <RoundShell roundKey={key} section="overview">
      {(round) => <Overview round={round} />}
    </RoundShell>
  );
}
