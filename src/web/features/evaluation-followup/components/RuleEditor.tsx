import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters } from '../../../lib/format';
import {
  type BandDraft,
  millionsToYen,
  newBandId,
  type RuleDraft,
  UNIT_CHOICES,
  yenToMillions,
} from './allocation-rule';

interface RuleEditorProps {
  draft: RuleDraft;
  onChange: (update: (draft: RuleDraft) => RuleDraft) => void;
  /** The message for a body field (`body.floorYen`), from the last preview's refusal. */
  fieldError: (field: string) => string | undefined;
  /** The current programme total under the base year, once a preview told it. */
  currentTotalYen: number | null;
}

const MILLIONS = { thousandSeparator: ',', decimalScale: 3, min: 0, hideControls: true } as const;

/**
 * The what-if rule: score bands with their adjustment, the programme total kept fixed or not, a
 * floor and a ceiling per cluster, the rounding unit and the year whose subsidy is "current". Every
 * edit updates the preview below; the server's refusal shows next to the field it names.
 */
export function RuleEditor({ draft, onChange, fieldError, currentTotalYen }: RuleEditorProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const setBand = (id: number, patch: Partial<BandDraft>) =>
    onChange((d) => ({ ...d, bands: d.bands.map((b) => (b.id === id ? { ...b, ...patch } : b)) }));
  const removeBand = (id: number) => onChange((d) => ({ ...d, bands: d.bands.filter((b) => b.id !== id) }));
  const addBand = () =>
    onChange((d) => ({
      ...d,
      bands: [...d.bands, { id: newBandId(), band: '', minScore: null, adjustmentPercent: 0 }],
    }));
  const millions = (set: (yen: number | null) => void) => (value: number | string) =>
    set(millionsToYen(value));
  const currentTotalUnits =
    currentTotalYen === null ? null : Math.round(currentTotalYen / draft.unitYen) * draft.unitYen;

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {t('evaluationFollowup.rule.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('evaluationFollowup.rule.explain')}
          </Text>
        </div>
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Caption>{t('evaluationFollowup.rule.bandsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationFollowup.rule.band')}</Table.Th>
              <Table.Th>{t('evaluationFollowup.rule.minScore')}</Table.Th>
              <Table.Th>{t('evaluationFollowup.rule.adjustment')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.bands.map((b, i) => {
              const n = i + 1;
              return (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('evaluationFollowup.rule.bandLabel', { n })}
                      placeholder={`#${n}`}
                      value={b.band}
                      maxLength={40}
                      onChange={(e) => setBand(b.id, { band: e.currentTarget.value })}
                      error={fieldError(`body.bands.${i}.band`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('evaluationFollowup.rule.minScoreLabel', { n })}
                      placeholder={t('evaluationFollowup.rule.anyScore')}
                      value={b.minScore ?? ''}
                      step={0.1}
                      decimalScale={3}
                      onChange={(v) => setBand(b.id, { minScore: typeof v === 'number' ? v : null })}
                      error={fieldError(`body.bands.${i}.minScore`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('evaluationFollowup.rule.adjustmentLabel', { n })}
                      value={b.adjustmentPercent ?? ''}
                      step={1}
                      min={-100}
                      decimalScale={1}
                      suffix=" %"
                      allowNegative
                      onChange={(v) => setBand(b.id, { adjustmentPercent: typeof v === 'number' ? v : null })}
                      error={fieldError(`body.bands.${i}.adjustment`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={draft.bands.length === 1}
                      aria-label={t('evaluationFollowup.rule.removeBand', { n })}
                      onClick={() => removeBand(b.id)}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {fieldError('body.bands') && !draft.bands.some((_, i) => fieldError(`body.bands.${i}`)) ? (
          <Text size="sm" c="red">
            {fieldError('body.bands')}
          </Text>
        ) : null}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t('evaluationFollowup.rule.bandsHint')}
          </Text>
          <Button size="xs" variant="light" onClick={addBand} disabled={draft.bands.length >= 10}>
            {t('evaluationFollowup.rule.addBand')}
          </Button>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Stack gap={6}>
            <Switch
              label={t('evaluationFollowup.rule.fixedTotal')}
              description={t('evaluationFollowup.rule.fixedTotalHint')}
              checked={draft.isTotalFixed}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange((d) => ({ ...d, isTotalFixed: on }));
              }}
            />
            {draft.isTotalFixed ? (
              <>
                <NumberInput
                  {...MILLIONS}
                  label={t('evaluationFollowup.rule.fixedTotalYen')}
                  value={yenToMillions(draft.fixedTotalYen)}
                  onChange={millions((yen) => onChange((d) => ({ ...d, fixedTotalYen: yen })))}
                  error={fieldError('body.fixedTotalYen')}
                />
                {currentTotalUnits !== null && currentTotalUnits !== draft.fixedTotalYen ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onChange((d) => ({ ...d, fixedTotalYen: currentTotalUnits }))}
                  >
                    {t('evaluationFollowup.rule.useCurrentTotal', {
                      total: f.yen(currentTotalUnits, 'million'),
                    })}
                  </Button>
                ) : null}
              </>
            ) : null}
          </Stack>
          <NumberInput
            {...MILLIONS}
            label={t('evaluationFollowup.rule.floorYen')}
            description={t('evaluationFollowup.rule.floorHint')}
            placeholder={t('evaluationFollowup.rule.none')}
            value={yenToMillions(draft.floorYen)}
            onChange={millions((yen) => onChange((d) => ({ ...d, floorYen: yen })))}
            error={fieldError('body.floorYen')}
          />
          <NumberInput
            {...MILLIONS}
            label={t('evaluationFollowup.rule.ceilingYen')}
            description={t('evaluationFollowup.rule.ceilingHint')}
            placeholder={t('evaluationFollowup.rule.none')}
            value={yenToMillions(draft.ceilingYen)}
            onChange={millions((yen) => onChange((d) => ({ ...d, ceilingYen: yen })))}
            error={fieldError('body.ceilingYen')}
          />
          <Select
            label={t('evaluationFollowup.rule.unit')}
            description={t('evaluationFollowup.rule.unitHint')}
            data={UNIT_CHOICES.map((u) => ({ value: String(u), label: f.yen(u, 'yen') }))}
            value={String(draft.unitYen)}
            allowDeselect={false}
            onChange={(v) => v && onChange((d) => ({ ...d, unitYen: Number(v) }))}
            error={fieldError('body.unitYen')}
          />
          <FiscalYearSelect
            label={t('evaluationFollowup.rule.baseFiscalYear')}
            description={t('evaluationFollowup.rule.baseFiscalYearHint')}
            value={draft.baseFiscalYear}
            onChange={(fy) => fy !== null && onChange((d) => ({ ...d, baseFiscalYear: fy }))}
            error={fieldError('body.baseFiscalYear')}
          />
          {currentTotalYen !== null ? (
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('evaluationFollowup.rule.currentTotal', { fy: f.fy(draft.baseFiscalYear) })}
              </Text>
              <Text size="lg">
                <YenAmount yen={currentTotalYen} unit="million" />
              </Text>
            </Stack>
          ) : null}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
