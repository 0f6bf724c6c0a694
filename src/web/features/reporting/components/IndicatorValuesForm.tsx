import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeReport, ReportIssue } from '../../../../contracts/reports';
import { INDICATOR_KEYS, OUTCOME_INDICATORS, type IndicatorKey } from '../../../../domain/indicators';
import { KIND_INDICATORS, type ItemKind } from '../../../../domain/outcome-items';
import { parseYenAmount } from '../../../../domain/money';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { YenAmount } from '../../../components/YenAmount';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { formatCount, useLocalize } from '../../../lib/format';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { useUpdateReport, type UpdateReportInput } from '../api/reports-api';
import { contributingItemCounts, fieldDomId, parseCount } from './report-model';

interface FormState {
  values: Record<IndicatorKey, { value: string; note: string }>;
  researcherCount: string;
}

function formOf(report: OutcomeReport): FormState {
  const values = Object.fromEntries(
    INDICATOR_KEYS.map((k) => [k, { value: '', note: '' }]),
  ) as FormState['values'];
  for (const v of report.values) {
    values[v.indicator] = {
      value: v.value === null ? '' : v.indicator === 'sales' ? formatCount(v.value) : String(v.value),
      note: v.note ?? '',
    };
  }
  return { values, researcherCount: report.researcherCount === null ? '' : String(report.researcherCount) };
}

const sameForm = (a: FormState, b: FormState) => JSON.stringify(a) === JSON.stringify(b);

/** The kind of item that decides an indicator, for the "from N items" link. */
function kindOf(key: IndicatorKey): ItemKind {
  return (Object.keys(KIND_INDICATORS) as ItemKind[]).find((k) => KIND_INDICATORS[k].includes(key))!;
}

/** Server paths `body.values.<i>.value` name the i-th line sent; the form names lines by indicator. */
function localErrors(errors: FieldErrorMap, sent: readonly IndicatorKey[]): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const [field, message] of Object.entries(errors)) {
    const line = /^(?:body\.)?values\.(\d+)(?:\.(value|note|indicator))?/.exec(field);
    const key = line ? sent[Number(line[1])] : undefined;
    if (line && key) out[line[2] === 'note' ? `notes.${key}` : `values.${key}`] = message;
    else out[field.replace(/^body\./, '')] = message;
  }
  return out;
}

interface Props {
  report: OutcomeReport;
  /** Issues of the report's checks, shown on the inputs they name. */
  issues: readonly ReportIssue[];
  onShowItems: (kind: ItemKind) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The 13 indicators in the outcome table's groups: values that items decide are shown with their item
 * count; the others are typed in with a note saying where the figure comes from.
 */
export function IndicatorValuesForm({ report, issues, onShowItems, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const validation = useValidationMessage();
  const update = useUpdateReport(report.id);
  const [baseline, setBaseline] = useState(() => ({ form: formOf(report), version: report.version }));
  const [form, setForm] = useState<FormState>(baseline.form);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const dirty = !sameForm(form, baseline.form);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (report.version === baseline.version) return;
    const fresh = formOf(report);
    if (!dirtyRef.current) {
      setBaseline({ form: fresh, version: report.version });
      setForm(fresh);
    } else if (sameForm(fresh, baseline.form)) {
      // Only items changed underneath (e.g. one was added here): the edits still apply to this version.
      setBaseline({ form: fresh, version: report.version });
    }
  }, [report, baseline]);

  const backed = useMemo(() => new Map(report.values.map((v) => [v.indicator, v])), [report.values]);
  const counts = useMemo(() => contributingItemCounts(report), [report]);
  const editable = report.editable;

  const setValue = (key: IndicatorKey, field: 'value' | 'note', text: string) => {
    setSaved(false);
    setForm((current) => ({
      ...current,
      values: { ...current.values, [key]: { ...current.values[key], [field]: text } },
    }));
  };

  const issueFor = (path: string, severity: ReportIssue['severity']) =>
    issues.find((i) => i.field === path && i.severity === severity);
  const messageFor = (path: string): string | undefined => {
    const local = validation(errors[path]);
    if (local) return local;
    const issue = issueFor(path, 'error');
    return issue ? localize(issue.message) : undefined;
  };
  const warningFor = (path: string) => {
    const issue = issueFor(path, 'warning');
    return issue ? (
      <Text span size="xs" c="orange.9">
        ⚠ {localize(issue.message)}
      </Text>
    ) : undefined;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    setSaved(false);
    const problems: FieldErrorMap = {};
    const lines: NonNullable<UpdateReportInput['values']> = [];
    const sent: IndicatorKey[] = [];
    for (const key of INDICATOR_KEYS) {
      if (backed.get(key)?.itemBacked) continue;
      const now = form.values[key];
      const before = baseline.form.values[key];
      if (now.value === before.value && now.note === before.note) continue;
      const text = now.value.trim();
      const value = text === '' ? null : key === 'sales' ? parseYenAmount(text) : parseCount(text);
      if (text !== '' && (value === null || value < 0)) {
        problems[`values.${key}`] =
          key === 'sales' ? t('reporting.values.notYen') : t('reporting.values.notCount');
        continue;
      }
      lines.push({ indicator: key, value, note: now.note.trim() === '' ? null : now.note.trim() });
      sent.push(key);
    }
    const body: UpdateReportInput = { version: baseline.version };
    if (form.researcherCount !== baseline.form.researcherCount) {
      const text = form.researcherCount.trim();
      const count = text === '' ? null : parseCount(text);
      if (text !== '' && count === null) problems.researcherCount = t('reporting.values.notCount');
      else body.researcherCount = count;
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (lines.length > 0) body.values = lines;
    if (lines.length === 0 && body.researcherCount === undefined) return;
    update.mutate(body, {
      onSuccess: (fresh) => {
        const next = formOf(fresh);
        setBaseline({ form: next, version: fresh.version });
        setForm(next);
        setSaved(true);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT') setConflict(true);
        else setErrors(localErrors(apiFieldErrors(error), sent));
      },
    });
  };

  const discard = () => {
    const fresh = formOf(report);
    setBaseline({ form: fresh, version: report.version });
    setForm(fresh);
    setErrors({});
    setConflict(false);
    update.reset();
  };

  let lastGroup = '';
  return (
    <form onSubmit={save} noValidate aria-label={t('reporting.values.title')}>
      <Stack gap="md">
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="30%">
                  {t('reporting.values.indicator')}
                </Table.Th>
                <Table.Th scope="col" w="25%">
                  {t('reporting.values.value')}
                </Table.Th>
                <Table.Th scope="col">{t('reporting.values.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {OUTCOME_INDICATORS.flatMap((indicator) => {
                const key = indicator.key;
                const line = backed.get(key);
                const label = localize(indicator.label);
                const rows = [];
                if (indicator.group !== lastGroup) {
                  lastGroup = indicator.group;
                  rows.push(
                    <Table.Tr key={`group-${indicator.group}`} bg="gray.0">
                      <Table.Th scope="colgroup" colSpan={3}>
                        {localize(indicator.groupLabel)}
                      </Table.Th>
                    </Table.Tr>,
                  );
                }
                const valueId = fieldDomId(`values.${key}`);
                const noteId = fieldDomId(`notes.${key}`);
                const yen = key === 'sales';
                const typed = form.values[key].value.trim();
                const parsedYen = yen && typed ? parseYenAmount(typed) : null;
                rows.push(
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={500}>
                      <label htmlFor={line?.itemBacked || !editable ? undefined : valueId}>{label}</label>
                      {yen && editable && !line?.itemBacked ? (
                        <Text size="xs" c="dimmed">
                          {t('reporting.values.yenUnit')}
                        </Text>
                      ) : null}
                    </Table.Th>
                    {line?.itemBacked ? (
                      <>
                        <Table.Td id={valueId} tabIndex={-1}>
                          <Stack gap={2} align="flex-start">
                            <Text fw={700} className="kcp-num">
                              {line.value === null ? (
                                '—'
                              ) : yen ? (
                                <YenAmount yen={line.value} />
                              ) : (
                                formatCount(line.value)
                              )}
                            </Text>
                            {warningFor(`values.${key}`)}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <UnstyledButton
                            onClick={() => onShowItems(kindOf(key))}
                            aria-label={t('reporting.values.fromItemsLink', {
                              count: counts[key] ?? 0,
                              indicator: label,
                            })}
                          >
                            <Badge
                              variant="light"
                              color="navy"
                              radius="sm"
                              style={{ textTransform: 'none', cursor: 'pointer' }}
                            >
                              {t('reporting.values.fromItems', { count: counts[key] ?? 0 })}
                            </Badge>
                          </UnstyledButton>
                        </Table.Td>
                      </>
                    ) : editable ? (
                      <>
                        <Table.Td>
                          <TextInput
                            id={valueId}
                            aria-label={label}
                            inputMode={yen ? 'text' : 'numeric'}
                            value={form.values[key].value}
                            onChange={(e) => setValue(key, 'value', e.currentTarget.value)}
                            error={messageFor(`values.${key}`)}
                            description={
                              warningFor(`values.${key}`) ??
                              (parsedYen !== null && parsedYen !== undefined ? (
                                <YenAmount yen={parsedYen} unit="compact" />
                              ) : undefined)
                            }
                            inputWrapperOrder={['input', 'description', 'error']}
                            placeholder={yen ? t('reporting.values.yenPlaceholder') : '0'}
                            styles={{ input: { textAlign: 'right' } }}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            id={noteId}
                            aria-label={t('reporting.values.noteFor', { indicator: label })}
                            value={form.values[key].note}
                            onChange={(e) => setValue(key, 'note', e.currentTarget.value)}
                            error={messageFor(`notes.${key}`)}
                            placeholder={t('reporting.values.notePlaceholder')}
                          />
                        </Table.Td>
                      </>
                    ) : (
                      <>
                        <Table.Td className="kcp-num" id={valueId} tabIndex={-1}>
                          {line?.value === null || line?.value === undefined ? (
                            <Text span c="dimmed">
                              {t('reporting.values.none')}
                            </Text>
                          ) : yen ? (
                            <YenAmount yen={line.value} />
                          ) : (
                            formatCount(line.value)
                          )}
                          {warningFor(`values.${key}`)}
                        </Table.Td>
                        <Table.Td id={noteId} tabIndex={-1}>
                          <Text size="sm">{line?.note ?? ''}</Text>
                        </Table.Td>
                      </>
                    )}
                  </Table.Tr>,
                );
                return rows;
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        {editable ? (
          <TextInput
            id={fieldDomId('researcherCount')}
            label={t('reporting.values.researcherCount')}
            description={t('reporting.values.researcherCountHelp')}
            inputMode="numeric"
            w={280}
            value={form.researcherCount}
            onChange={(e) => {
              setSaved(false);
              const researcherCount = e.currentTarget.value;
              setForm((current) => ({ ...current, researcherCount }));
            }}
            error={messageFor('researcherCount')}
          />
        ) : (
          <Text id={fieldDomId('researcherCount')} tabIndex={-1}>
            {t('reporting.values.researcherCount')}
            {t('common.colon')}
            {report.researcherCount === null
              ? t('reporting.values.none')
              : formatCount(report.researcherCount)}
          </Text>
        )}

        {conflict ? (
          <Alert color="orange" variant="light" role="alert" title={t('reporting.conflictTitle')}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('reporting.values.conflictText')}</Text>
              <Button size="xs" variant="outline" color="orange" onClick={discard}>
                {t('reporting.values.discardAndReload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {update.error && !conflict && Object.keys(errors).length === 0 ? (
          <ErrorAlert error={update.error} />
        ) : null}
        {Object.keys(errors).length > 0 ? (
          <Alert color="red" variant="light" role="alert">
            {t('reporting.fixErrors')}
          </Alert>
        ) : null}

        {editable ? (
          <Group gap="sm">
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              {t('reporting.values.save')}
            </Button>
            {dirty ? (
              <Button variant="default" onClick={discard} disabled={update.isPending}>
                {t('reporting.values.discard')}
              </Button>
            ) : null}
            <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'} role="status">
              {dirty ? t('reporting.values.unsaved') : saved ? t('reporting.values.saved') : ''}
            </Text>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
