import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundCriteria, RoundGroup, RoundItem } from '../../../../contracts/evaluation-rounds';

interface Props {
  criteria: RoundCriteria;
  onChange: (criteria: RoundCriteria) => void;
  errorOf: (field: string) => string | undefined;
}

/** A key not yet used among `taken`, from a base: "g1.item3". */
function freshKey(base: string, taken: Set<string>): string {
  for (let n = 1; ; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/**
 * The round's criteria tree while it is a draft: rename groups and items in both languages, add
 * or remove items and groups. Item keys stay as copied (grades, weights and reports refer to
 * them); new ones get a fresh key. Aspects are kept as the template gives them.
 */
export function CriteriaTreeEditor({ criteria, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const allKeys = new Set(criteria.flatMap((g) => [g.key, ...g.items.map((i) => i.key)]));
  const setGroup = (gi: number, patch: Partial<RoundGroup>) =>
    onChange(criteria.map((g, j) => (j === gi ? { ...g, ...patch } : g)));
  const setItem = (gi: number, ii: number, patch: Partial<RoundItem>) =>
    setGroup(gi, { items: criteria[gi]!.items.map((it, j) => (j === ii ? { ...it, ...patch } : it)) });
  return (
    <Stack>
      {criteria.map((g, gi) => (
        <Paper key={g.key} withBorder p="sm">
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('evaluationRounds.criteria.groupJa')}
              value={g.label.ja}
              onChange={(e) => setGroup(gi, { label: { ...g.label, ja: e.currentTarget.value } })}
              error={errorOf(`body.criteria.${gi}.label`) ?? errorOf(`body.criteria.${gi}.key`)}
            />
            <TextInput
              style={{ flex: 1 }}
              label={t('evaluationRounds.criteria.groupEn')}
              value={g.label.en}
              onChange={(e) => setGroup(gi, { label: { ...g.label, en: e.currentTarget.value } })}
            />
            <Button
              variant="subtle"
              color="red"
              disabled={criteria.length <= 1}
              onClick={() => onChange(criteria.filter((_, j) => j !== gi))}
            >
              {t('evaluationRounds.criteria.removeGroup')}
            </Button>
          </Group>
          <Stack gap="xs" mt="sm" pl="md">
            {g.items.map((it, ii) => (
              <Group key={it.key} align="flex-end" wrap="nowrap">
                <Text size="xs" c="dimmed" w={120} style={{ overflowWrap: 'anywhere' }}>
                  {it.key}
                </Text>
                <TextInput
                  style={{ flex: 1 }}
                  size="xs"
                  label={t('evaluationRounds.criteria.itemJa')}
                  value={it.label.ja}
                  onChange={(e) => setItem(gi, ii, { label: { ...it.label, ja: e.currentTarget.value } })}
                  error={
                    errorOf(`body.criteria.${gi}.items.${ii}.label`) ??
                    errorOf(`body.criteria.${gi}.items.${ii}.key`)
                  }
                />
                <TextInput
                  style={{ flex: 1 }}
                  size="xs"
                  label={t('evaluationRounds.criteria.itemEn')}
                  value={it.label.en}
                  onChange={(e) => setItem(gi, ii, { label: { ...it.label, en: e.currentTarget.value } })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  disabled={g.items.length <= 1}
                  aria-label={t('evaluationRounds.criteria.removeItem', { item: it.label.en || it.key })}
                  onClick={() => setGroup(gi, { items: g.items.filter((_, j) => j !== ii) })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  setGroup(gi, {
                    items: [
                      ...g.items,
                      { key: freshKey(`${g.key}.item`, allKeys), label: { ja: '', en: '' }, aspects: [] },
                    ],
                  })
                }
              >
                {t('evaluationRounds.criteria.addItem')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => {
            const key = freshKey('group', allKeys);
            onChange([
              ...criteria,
              {
                key,
                label: { ja: '', en: '' },
                items: [{ key: `${key}.item1`, label: { ja: '', en: '' }, aspects: [] }],
              },
            ]);
          }}
        >
          {t('evaluationRounds.criteria.addGroup')}
        </Button>
      </Group>
    </Stack>
  );
}
