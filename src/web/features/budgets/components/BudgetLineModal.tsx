import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type BudgetLine, CreateBudgetLineBody, UpdateBudgetLineBody } from '../../../../contracts/budgets';
import { BUDGET_KIND_LABELS, BUDGET_KINDS } from '../../../../domain/budget';
import { formatYen, parseYenAmount } from '../../../../domain/money';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { YenAmount } from '../../../components/YenAmount';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useClusterChoices, useCreateBudgetLine, useUpdateBudgetLine } from '../api/budgets-api';

/** The scope select's value for a programme-level line (cluster keys never contain a colon). */
const PROGRAMME = ':programme';

interface Values {
  scope: string | null;
  fiscalYear: number | null;
  kind: string | null;
  amount: string;
  source: string;
  note: string;
}

function valuesOf(line: BudgetLine | null): Values {
  return {
    scope: line ? (line.cluster?.key ?? PROGRAMME) : null,
    fiscalYear: line?.fiscalYear ?? null,
    kind: line?.kind ?? null,
    amount: line ? formatYen(line.amountYen, 'yen', 'ja').replace('円', '') : '',
    source: line?.source ?? '',
    note: line?.note ?? '',
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The line to change; null to add one. */
  line: BudgetLine | null;
}

/** Add a ledger line or correct one; amounts may be typed as 500,000,000 or 5億円 or 500百万円. */
export function BudgetLineModal({ opened, onClose, line }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const clusters = useClusterChoices();
  const create = useCreateBudgetLine();
  const update = useUpdateBudgetLine();
  const message = useErrorMessage();
  const [values, setValues] = useState<Values>(() => valuesOf(line));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const error = useFieldErrors(errors);
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const mutation = line ? update : create;
  const parsedAmount = values.amount.trim() === '' ? null : parseYenAmount(values.amount);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Empty required fields get the plain "required" message rather than zod's type errors.
    const missing: FieldErrorMap = {};
    if (values.scope === null) missing['body.cluster'] = 'required';
    if (values.fiscalYear === null) missing['body.fiscalYear'] = 'required';
    if (values.kind === null) missing['body.kind'] = 'required';
    if (values.amount.trim() === '') missing['body.amountYen'] = 'required';
    else if (parsedAmount === null) missing['body.amountYen'] = t('budgets.form.amountUnreadable');
    if (values.source.trim() === '') missing['body.source'] = 'required';
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const body = {
      cluster: values.scope === PROGRAMME ? null : values.scope,
      fiscalYear: values.fiscalYear,
      kind: values.kind,
      amountYen: parsedAmount,
      source: values.source.trim(),
      note: values.note.trim() === '' ? null : values.note.trim(),
    };
    const onError = (e: unknown) => setErrors(apiFieldErrors(e));
    if (line) {
      const parsed = validateBody(UpdateBudgetLineBody, { version: line.version, ...body }, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      setErrors({});
      update.mutate({ id: line.id, body: parsed.data }, { onSuccess: onClose, onError });
    } else {
      const parsed = validateBody(CreateBudgetLineBody, body, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      setErrors({});
      create.mutate(parsed.data, { onSuccess: onClose, onError });
    }
  };

  const conflict = isApiError(mutation.error) && mutation.error.code === 'VERSION_CONFLICT';
  const duplicate = isApiError(mutation.error) && mutation.error.code === 'DUPLICATE';
  const scopeData = [
    { value: PROGRAMME, label: t('budgets.programmeLevel') },
    ...(clusters.data?.items ?? []).map((c) => ({ value: c.key, label: localize(c.name) })),
  ];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={line ? t('budgets.form.editTitle') : t('budgets.form.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.error && (Object.keys(errors).length === 0 || duplicate) ? (
            <Alert color={conflict ? 'amber' : 'red'} variant="light" role="alert">
              {conflict
                ? t('budgets.form.conflict')
                : duplicate
                  ? t('budgets.form.duplicate')
                  : message(mutation.error)}
            </Alert>
          ) : null}
          <Select
            label={t('budgets.fields.scope')}
            required
            searchable
            data={scopeData}
            value={values.scope}
            onChange={(v) => set('scope', v)}
            error={error('body.cluster')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <FiscalYearSelect
              label={t('budgets.fields.fiscalYear')}
              required
              value={values.fiscalYear}
              onChange={(fy) => set('fiscalYear', fy)}
              error={error('body.fiscalYear')}
            />
            <Select
              label={t('budgets.fields.kind')}
              required
              data={BUDGET_KINDS.map((k) => ({ value: k, label: BUDGET_KIND_LABELS[k][locale] }))}
              value={values.kind}
              onChange={(v) => set('kind', v)}
              error={error('body.kind')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TextInput
            label={t('budgets.fields.amount')}
            description={
              parsedAmount !== null ? (
                <>
                  {t('budgets.form.amountReadAs')} <YenAmount yen={parsedAmount} unit="yen" showUsd />
                </>
              ) : (
                t('budgets.form.amountHelp')
              )
            }
            required
            inputMode="numeric"
            value={values.amount}
            onChange={(e) => set('amount', e.currentTarget.value)}
            error={error('body.amountYen')}
          />
          <TextInput
            label={t('budgets.fields.source')}
            description={t('budgets.form.sourceHelp')}
            required
            value={values.source}
            onChange={(e) => set('source', e.currentTarget.value)}
            error={error('body.source')}
          />
          <Textarea
            label={t('budgets.fields.note')}
            autosize
            minRows={2}
            value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={error('body.note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {line ? t('common.save') : t('budgets.form.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
