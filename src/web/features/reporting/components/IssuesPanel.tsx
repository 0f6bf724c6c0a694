import { Alert, Anchor, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportIssue } from '../../../../contracts/reports';
import { useLocalize } from '../../../lib/format';

interface Props {
  issues: readonly ReportIssue[];
  /** Takes the reader to the input the issue names. */
  onSelect: (issue: ReportIssue) => void;
}

/** The report's checks: errors (red) block submission, warnings (yellow) ask for a second look. */
export function IssuesPanel({ issues, onSelect }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (issues.length === 0)
    return (
      <Alert color="green" variant="light" title={t('reporting.issues.noneTitle')}>
        {t('reporting.issues.none')}
      </Alert>
    );
  const list = (items: ReportIssue[], color: string) => (
    <List
      spacing={6}
      size="sm"
      icon={
        <ThemeIcon color={color} size={18} radius="xl" aria-hidden="true">
          <span style={{ fontSize: 11, fontWeight: 700 }}>{color === 'red' ? '✕' : '!'}</span>
        </ThemeIcon>
      }
    >
      {items.map((issue, index) => (
        <List.Item key={`${issue.field}-${issue.code}-${index}`}>
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => onSelect(issue)}
            c={color === 'red' ? 'red.9' : 'orange.9'}
          >
            {localize(issue.message)}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
  return (
    <Stack gap="sm">
      {errors.length > 0 ? (
        <Alert color="red" variant="light" title={t('reporting.issues.errors', { count: errors.length })}>
          <Stack gap={6}>
            <Text size="xs">{t('reporting.issues.errorsHelp')}</Text>
            {list(errors, 'red')}
          </Stack>
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('reporting.issues.warnings', { count: warnings.length })}
        >
          <Stack gap={6}>
            <Text size="xs">{t('reporting.issues.warningsHelp')}</Text>
            {list(warnings, 'yellow')}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
