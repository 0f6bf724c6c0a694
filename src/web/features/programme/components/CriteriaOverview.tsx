import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CriteriaTemplateResponse } from '../../../../contracts/criteria';
import { SourceNote } from '../../../components/SourceNote';
import { useLocalize } from '../../../lib/format';

/** The selection and evaluation criteria trees the programme applies. */
export function CriteriaOverview({ templates }: { templates: readonly CriteriaTemplateResponse[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (templates.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={2}>{t('programme.criteria.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {templates.map((template) => (
          <Paper key={template.key} withBorder p="md" radius="md">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={3}>{localize(template.title)}</Title>
                <Badge variant="light" color="navy">
                  {t(`programme.criteria.kind.${template.kind}`)}
                </Badge>
              </Group>
              {template.grades && template.grades.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {t('programme.criteria.grades', { grades: template.grades.join(' / ') })}
                </Text>
              ) : null}
              <List type="ordered" spacing="xs" size="sm">
                {template.groups.map((group) => (
                  <List.Item key={group.key}>
                    <Text size="sm" fw={700}>
                      {localize(group.label)}
                    </Text>
                    {group.items.length > 0 ? (
                      <List withPadding listStyleType="disc" size="sm" spacing={2}>
                        {group.items.map((item) => (
                          <List.Item key={item.key}>
                            {localize(item.label)}
                            {item.aspects.length > 0 ? (
                              <Text span size="xs" c="dimmed">
                                {' '}
                                — {item.aspects.map((a) => localize(a)).join(t('common.listSeparator'))}
                              </Text>
                            ) : null}
                          </List.Item>
                        ))}
                      </List>
                    ) : null}
                  </List.Item>
                ))}
              </List>
              <SourceNote sources={template.source} size="xs" />
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
