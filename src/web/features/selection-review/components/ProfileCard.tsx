import { Alert, Button, Card, Group, MultiSelect, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewerProfile } from '../../../../contracts/selection-reviews';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import { useSession } from '../../../lib/session';
import { useReviewerProfile, useSaveProfile } from '../api/selection-review-api';

/** The reviewer keeps their own expertise and prefecture; both feed assignment and conflict detection. */
export function ProfileCard() {
  const { account } = useSession();
  const profile = useReviewerProfile(account?.id ?? null);
  // Held here, not in the form: saving gives the profile a new version, which remounts the form.
  const save = useSaveProfile(account?.id ?? 0);
  if (!account || !profile.data) return null;
  return <ProfileForm key={profile.data.version ?? 0} profile={profile.data} save={save} />;
}

function ProfileForm({
  profile,
  save,
}: {
  profile: ReviewerProfile;
  save: ReturnType<typeof useSaveProfile>;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const reference = useReference();
  const [keyFields, setKeyFields] = useState(profile.keyFields);
  const [prefecture, setPrefecture] = useState<string | null>(profile.prefectureCode);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('selectionReview.profile.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('selectionReview.profile.explain')}
        </Text>
        <Group align="end">
          <MultiSelect
            label={t('selectionReview.pool.expertise')}
            data={(reference.data?.keyFields ?? []).map((k) => ({ value: k.key, label: localize(k.name) }))}
            value={keyFields}
            onChange={setKeyFields}
            w={360}
          />
          <Select
            label={t('selectionReview.profile.prefecture')}
            data={(reference.data?.prefectures ?? []).map((p) => ({
              value: p.code,
              label: localize(p.name),
            }))}
            value={prefecture}
            onChange={setPrefecture}
            clearable
            searchable
            w={200}
          />
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                keyFields,
                prefectureCode: prefecture,
                collaboratorOrganizationIds: profile.collaboratorOrganizationIds,
              })
            }
          >
            {t('selectionReview.profile.save')}
          </Button>
        </Group>
        {save.isSuccess ? <Alert color="green">{t('selectionReview.profile.saved')}</Alert> : null}
        {save.isError ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Card>
  );
}
