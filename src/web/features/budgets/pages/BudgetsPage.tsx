import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BudgetLine } from '../../../../contracts/budgets';
import { BUDGET_KIND_LABELS, BUDGET_KINDS, isBudgetKind } from '../../../../domain/budget';
import { isFiscalYear } from '../../../../domain/fiscal-year';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { ErrorAlert, useErrorMessage } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { ShowUsdSwitch } from '../../../components/ShowUsdSwitch';
import { SourceNote } from '../../../components/SourceNote';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import {
  type BudgetFilter,
  budgetLedgerDownloadUrls,
  budgetSummaryDownloadUrls,
  useBudgetLines,
  useBudgetSummary,
  useClusterChoices,
  useDeleteBudgetLine,
} from '../api/budgets-api';
import { BudgetChart } from '../components/BudgetChart';
import { BudgetLineModal } from '../components/BudgetLineModal';
import { ClusterBudgetTable } from '../components/ClusterBudgetTable';
import { DISPLAY_UNITS, type DisplayUnit, isDisplayUnit } from '../components/money-units';

const PAGE_SIZE = 50;
/** The cluster filter's value for programme-level lines (cluster keys never contain a colon). */
const PROGRAMME = ':programme';

interface PageFilters {
  cluster: string | null;
  from: number | null;
  to: number | null;
  kind: string | null;
  unit: DisplayUnit;
  offset: number;
}

function readFilters(params: URLSearchParams): PageFilters {
  const fy = (name: string) => {
    const value = Number(params.get(name));
    return params.get(name) && isFiscalYear(value) ? value : null;
  };
  const kind = params.get('kind');
  const unit = params.get('unit');
  const offset = Number(params.get('offset'));
  let from = fy('from');
  let to = fy('to');
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    cluster: params.get('cluster') || null,
    from,
    to,
    kind: isBudgetKind(kind) ? kind : null,
    unit: isDisplayUnit(unit) ? unit : 'million',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** `/budgets` — the ledger of money per cluster and fiscal year, its totals and the programme budget. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const canEdit = usePermission('budget:edit');
  const clusters = useClusterChoices();
  const [editing, setEditing] = useState<{ line: BudgetLine | null } | null>(null);
  const [deleting, setDeleting] = useState<BudgetLine | null>(null);

  const query: BudgetFilter = {
    cluster: filters.cluster && filters.cluster !== PROGRAMME ? filters.cluster : undefined,
    level: filters.cluster === PROGRAMME ? 'programme' : undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
    kind: filters.kind ?? undefined,
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
  const lines = useBudgetLines(query);
  const summary = useBudgetSummary({ from: query.from, to: query.to });

  const setFilter = (
    changes: Partial<Record<'cluster' | 'from' | 'to' | 'kind' | 'unit' | 'offset', string | null>>,
  ) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
    }
    // A new filter starts at the first page.
    if (!('offset' in changes)) next.delete('offset');
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const years = useMemo(() => {
    const list: number[] = [];
    const first = Math.min(2000, ...(clusters.data?.items ?? []).map((c) => c.startFy));
    const last = Math.max(new Date().getFullYear() + 5, ...(clusters.data?.items ?? []).map((c) => c.endFy));
    for (let fy = first; fy <= last; fy++) list.push(fy);
    return list;
  }, [clusters.data]);

  const reference = summary.data?.reference;

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('budgets.title')}
        subtitle={t('budgets.subtitle')}
        actions={
          canEdit ? <Button onClick={() => setEditing({ line: null })}>{t('budgets.addLine')}</Button> : null
        }
      />

      <Paper withBorder p="md" radius="md" component="section" aria-label={t('budgets.filters.label')}>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('budgets.filters.cluster')}
            placeholder={t('budgets.filters.allScopes')}
            searchable
            clearable
            w={240}
            data={[
              { value: PROGRAMME, label: t('budgets.programmeLevel') },
              ...(clusters.data?.items ?? []).map((c) => ({ value: c.key, label: localize(c.name) })),
            ]}
            value={filters.cluster}
            onChange={(v) => setFilter({ cluster: v })}
          />
          <FiscalYearSelect
            label={t('budgets.filters.from')}
            placeholder={t('budgets.filters.anyYear')}
            clearable
            years={years}
            w={220}
            value={filters.from}
            onChange={(fy) =>
              setFilter({
                from: fy === null ? null : String(fy),
                ...(fy !== null && filters.to !== null && fy > filters.to ? { to: String(fy) } : {}),
              })
            }
          />
          <FiscalYearSelect
            label={t('budgets.filters.to')}
            placeholder={t('budgets.filters.anyYear')}
            clearable
            years={years}
            w={220}
            value={filters.to}
            onChange={(fy) =>
              setFilter({
                to: fy === null ? null : String(fy),
                ...(fy !== null && filters.from !== null && fy < filters.from ? { from: String(fy) } : {}),
              })
            }
          />
          <Select
            label={t('budgets.filters.kind')}
            placeholder={t('budgets.filters.allKinds')}
            clearable
            w={240}
            data={BUDGET_KINDS.map((k) => ({ value: k, label: BUDGET_KIND_LABELS[k][f.locale] }))}
            value={filters.kind}
            onChange={(v) => setFilter({ kind: v })}
          />
        </Group>
        <Group gap="lg" mt="md" align="center" wrap="wrap">
          <div>
            <Text size="sm" fw={500} id="budget-unit-label" mb={4}>
              {t('budgets.filters.unit')}
            </Text>
            <SegmentedControl
              aria-labelledby="budget-unit-label"
              size="sm"
              value={filters.unit}
              onChange={(v) => setFilter({ unit: v === 'million' ? null : v, offset: params.get('offset') })}
              data={DISPLAY_UNITS.map((u) => ({ value: u, label: t(`budgets.units.${u}`) }))}
            />
          </div>
          <ShowUsdSwitch />
        </Group>
      </Paper>

      {reference ? (
        <Alert variant="light" color="navy" title={t('budgets.reference.title')}>
          <Text size="sm">
            {t('budgets.reference.body', { years: reference.durationYears })}{' '}
            <YenAmount yen={reference.annualBudgetPerClusterYen} unit="compact" />
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('budgets.reference.notLedger')}
          </Text>
          <SourceNote sources={reference.source} size="xs" />
        </Alert>
      ) : null}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-chart-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="budget-chart-heading">
            {t('budgets.chart.title')}
          </Title>
          {summary.error ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
          {summary.isPending ? <LoadingState /> : null}
          {summary.data ? (
            summary.data.fiscalYears.length === 0 && summary.data.programme.length === 0 ? (
              <Text c="dimmed">{t('budgets.empty')}</Text>
            ) : (
              <>
                <BudgetChart summary={summary.data} unit={filters.unit} />
                <Text size="sm" c="dimmed">
                  {t('budgets.chart.note')}
                </Text>
              </>
            )
          ) : null}
        </Stack>
      </Paper>

      {summary.data && summary.data.clusters.length + summary.data.programme.length > 0 ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-clusters-heading">
          <Stack gap="sm">
            <Group justify="space-between" align="center">
              <Title order={2} size="h3" id="budget-clusters-heading">
                {t('budgets.perCluster.title')}
              </Title>
              <DownloadMenu
                links={budgetSummaryDownloadUrls({ from: query.from, to: query.to }, f.locale)}
                what={t('budgets.perCluster.downloadWhat')}
              />
            </Group>
            <ClusterBudgetTable summary={summary.data} unit={filters.unit} />
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-ledger-heading">
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={2} size="h3" id="budget-ledger-heading">
              {t('budgets.ledger.title')}
            </Title>
            <Group gap="md" align="center">
              {/* Only within one scope: programme lines already contain the clusters' subsidies. */}
              {lines.data && filters.cluster ? (
                <Text size="sm">
                  {t('budgets.ledger.sum')} <YenAmount yen={lines.data.totalYen} unit={filters.unit} />
                </Text>
              ) : null}
              {lines.data && lines.data.total > 0 ? (
                <DownloadMenu
                  links={budgetLedgerDownloadUrls(query, f.locale)}
                  what={t('budgets.ledger.downloadWhat')}
                />
              ) : null}
            </Group>
          </Group>
          {lines.error ? <ErrorAlert error={lines.error} onRetry={() => void lines.refetch()} /> : null}
          {lines.isPending ? <LoadingState /> : null}
          {lines.data && lines.data.items.length === 0 ? (
            <Text c="dimmed">
              {filters.cluster || filters.from || filters.to || filters.kind
                ? t('common.noResults')
                : t('budgets.empty')}
            </Text>
          ) : null}
          {lines.data && lines.data.items.length > 0 ? (
            <>
              <Table.ScrollContainer minWidth={760}>
                <Table striped withTableBorder aria-busy={lines.isFetching}>
                  <Table.Caption>{t('budgets.ledger.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('budgets.fields.fiscalYear')}</Table.Th>
                      <Table.Th scope="col">{t('budgets.fields.scope')}</Table.Th>
                      <Table.Th scope="col">{t('budgets.fields.kind')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('budgets.fields.amount')}
                      </Table.Th>
                      <Table.Th scope="col">{t('budgets.fields.source')}</Table.Th>
                      {canEdit ? (
                        <Table.Th scope="col">
                          <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                        </Table.Th>
                      ) : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lines.data.items.map((line) => (
                      <Table.Tr key={line.id}>
                        <Table.Td className="kcp-nowrap">{f.fy(line.fiscalYear)}</Table.Td>
                        <Table.Td>
                          {line.cluster ? (
                            <Anchor component={Link} to={`/clusters/${line.cluster.key}`}>
                              {localize(line.cluster.name)}
                            </Anchor>
                          ) : (
                            <Text span fw={500}>
                              {t('budgets.programmeLevel')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{BUDGET_KIND_LABELS[line.kind][f.locale]}</Table.Td>
                        <Table.Td ta="right">
                          <YenAmount yen={line.amountYen} unit={filters.unit} stacked />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{line.source}</Text>
                          {line.note ? (
                            <Text size="xs" c="dimmed">
                              {line.note}
                            </Text>
                          ) : null}
                        </Table.Td>
                        {canEdit ? (
                          <Table.Td className="kcp-nowrap">
                            <Group gap={4} wrap="nowrap">
                              <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ line })}>
                                {t('common.edit')}
                              </Button>
                              <Tooltip label={t('budgets.delete.action')}>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  aria-label={t('budgets.delete.actionFor', {
                                    fy: f.fy(line.fiscalYear),
                                    source: line.source,
                                  })}
                                  onClick={() => setDeleting(line)}
                                >
                                  ×
                                </ActionIcon>
                              </Tooltip>
                            </Group>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pagination
                total={lines.data.total}
                limit={PAGE_SIZE}
                offset={filters.offset}
                onChange={(offset) => setFilter({ offset: offset === 0 ? null : String(offset) })}
              />
            </>
          ) : null}
        </Stack>
      </Paper>

      {editing ? (
        <BudgetLineModal
          key={editing.line?.id ?? 'new'}
          opened
          line={editing.line}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? <DeleteLineModal line={deleting} onClose={() => setDeleting(null)} /> : null}
    </Stack>
  );
}

function DeleteLineModal({ line, onClose }: { line: BudgetLine; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const remove = useDeleteBudgetLine();
  const message = useErrorMessage();
  return (
    <Modal opened onClose={onClose} title={t('budgets.delete.title')}>
      <Stack gap="md">
        <Text>
          {t('budgets.delete.body', {
            fy: f.fy(line.fiscalYear),
            scope: line.cluster ? localize(line.cluster.name) : t('budgets.programmeLevel'),
            kind: BUDGET_KIND_LABELS[line.kind][f.locale],
            source: line.source,
          })}{' '}
          <YenAmount yen={line.amountYen} unit="yen" />
        </Text>
        {remove.error ? (
          <Alert color="red" variant="light" role="alert">
            {message(remove.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={remove.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate({ id: line.id, version: line.version }, { onSuccess: onClose })}
          >
            {t('budgets.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
