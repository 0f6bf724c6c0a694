import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeItem, OutcomeReport } from '../../../../contracts/reports';
import { parseYenAmount } from '../../../../domain/money';
import type { ItemKind } from '../../../../domain/outcome-items';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { YenAmount } from '../../../components/YenAmount';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, fieldMessage, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocalize } from '../../../lib/format';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { useItemMutations } from '../api/reports-api';
import {
  formValuesOf,
  isRequired,
  KIND_FIELDS,
  parseItemForm,
  type FieldSpec,
  type ItemField,
  type ItemFormValues,
} from './item-fields';
import { itemIssues } from './report-model';

/** Labels that read better per kind (a patent's "title" is the invention's name), else the field's own. */
export function useItemFieldLabel(): (kind: ItemKind, field: ItemField) => string {
  const { t } = useTranslation();
  return (kind, field) => {
    const general = String(t(`reporting.item.fields.${field}` as never, { defaultValue: field }));
    return String(t(`reporting.item.kindFields.${kind}.${field}` as never, { defaultValue: general }));
  };
}

export function useOptionLabel(): (field: ItemField, code: string) => string {
  const { t } = useTranslation();
  return (field, code) =>
    String(t(`reporting.item.options.${field}.${code}` as never, { defaultValue: code }));
}

interface Props {
  report: OutcomeReport;
  kind: ItemKind;
  /** The item to edit; null to add one. */
  item: OutcomeItem | null;
  /** The field to put the cursor in (when opened from the issues panel). */
  focusField?: string | null;
  onClose: () => void;
}

/** Add or change one item of evidence; the inputs depend on its kind. */
export function ItemFormModal({ report, kind, item, focusField, onClose }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const validation = useValidationMessage();
  const errorMessage = useErrorMessage();
  const fieldLabel = useItemFieldLabel();
  const optionLabel = useOptionLabel();
  const mutations = useItemMutations(report.id);
  const [values, setValues] = useState<ItemFormValues>(() => formValuesOf(item, kind));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [conflict, setConflict] = useState(false);
  const pending = mutations.add.isPending || mutations.update.isPending;
  const failure = item ? mutations.update.error : mutations.add.error;
  const issues = item ? itemIssues(report, item.id) : [];
  const kindLabel = t(`reporting.kinds.${kind}`);

  const set = (field: ItemField, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const parsed = parseItemForm(kind, values, {
      required: t('reporting.item.required'),
      notYen: t('reporting.values.notYen'),
      notYear: t('reporting.item.notYear'),
      notFy: t('reporting.item.notFy'),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') setConflict(true);
      else setErrors(apiFieldErrors(error));
    };
    if (item) {
      mutations.update.mutate(
        { itemId: item.id, body: { ...parsed.body, version: item.version } },
        { onSuccess: onClose, onError },
      );
    } else {
      mutations.add.mutate(parsed.body, { onSuccess: onClose, onError });
    }
  };

  const errorOf = (field: ItemField): string | undefined => {
    const own = validation(fieldMessage(errors, `body.${field}`));
    if (own) return own;
    const issue = issues.find((i) => i.field === field && i.issue.severity === 'error');
    return issue ? localize(issue.issue.message) : undefined;
  };
  const warningOf = (field: ItemField): ReactNode => {
    const issue = issues.find((i) => i.field === field && i.issue.severity === 'warning');
    return issue ? (
      <Text span size="xs" c="orange.9">
        ⚠ {localize(issue.issue.message)}
      </Text>
    ) : null;
  };
  const helpOf = (field: ItemField): string | undefined => {
    const help = String(t(`reporting.item.help.${field}` as never, { defaultValue: '' }));
    return help || undefined;
  };

  const renderField = (spec: FieldSpec) => {
    const { field } = spec;
    const label = fieldLabel(kind, field);
    const value = values[field] ?? '';
    const required =
      isRequired(kind, field) || (field === 'grantedDate' && values.patentStatus === 'granted');
    const common = {
      label,
      required,
      error: errorOf(field),
      'data-autofocus': focusField === field ? true : undefined,
      id: `item-field-${field}`,
    };
    const description = warningOf(field) ?? helpOf(field);
    if (field === 'grantedDate' && values.patentStatus !== 'granted') return null;
    switch (spec.input) {
      case 'select':
        return (
          <Select
            key={field}
            {...common}
            description={description}
            data={(spec.options ?? []).map((code) => ({ value: code, label: optionLabel(field, code) }))}
            value={value || null}
            onChange={(v) => set(field, v ?? '')}
            allowDeselect={!required}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'fy':
        return (
          <FiscalYearSelect
            key={field}
            label={label}
            required={required}
            clearable={!required}
            error={errorOf(field)}
            description={description}
            value={value ? Number(value) : null}
            onChange={(fy) => set(field, fy === null ? '' : String(fy))}
          />
        );
      case 'longText':
        return (
          <Textarea
            key={field}
            {...common}
            description={description}
            autosize
            minRows={2}
            maxRows={6}
            value={value}
            onChange={(e) => set(field, e.currentTarget.value)}
            style={{ gridColumn: '1 / -1' }}
          />
        );
      case 'yen': {
        const parsed = value.trim() ? parseYenAmount(value) : null;
        return (
          <TextInput
            key={field}
            {...common}
            description={
              warningOf(field) ??
              (parsed !== null ? <YenAmount yen={parsed} unit="compact" /> : helpOf(field))
            }
            inputMode="decimal"
            value={value}
            onChange={(e) => set(field, e.currentTarget.value)}
          />
        );
      }
      case 'date':
      case 'year':
      case 'country':
      case 'text':
        return (
          <TextInput
            key={field}
            {...common}
            description={description}
            type={spec.input === 'date' ? 'date' : 'text'}
            inputMode={spec.input === 'year' ? 'numeric' : undefined}
            maxLength={spec.input === 'country' ? 2 : undefined}
            value={value}
            onChange={(e) => set(field, e.currentTarget.value)}
            style={field === 'title' ? { gridColumn: '1 / -1' } : undefined}
          />
        );
    }
  };

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        item
          ? t('reporting.item.editTitle', { kind: kindLabel })
          : t('reporting.item.addTitle', { kind: kindLabel })
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {issues.length > 0 ? (
            <Alert
              color={issues.some((i) => i.issue.severity === 'error') ? 'red' : 'yellow'}
              variant="light"
              title={t('reporting.item.issuesTitle')}
            >
              <List size="sm" spacing={2}>
                {issues.map(({ issue }, index) => (
                  <List.Item key={index}>{localize(issue.message)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {KIND_FIELDS[kind].map(renderField)}
          </SimpleGrid>
          {conflict ? (
            <Alert color="orange" variant="light" role="alert" title={t('reporting.conflictTitle')}>
              {t('reporting.item.conflictText')}
            </Alert>
          ) : null}
          {hasFieldErrors ? (
            <Alert color="red" variant="light" role="alert">
              {t('reporting.fixErrors')}
            </Alert>
          ) : null}
          {failure && !conflict && !hasFieldErrors ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(failure)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {item ? t('common.save') : t('reporting.item.add', { kind: kindLabel })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
