import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Meeting } from '../../../../contracts/industrial-cluster';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useCommittee, useUpdateMeeting } from '../api/industrial-cluster-api';
import { MeetingFormModal } from '../components/MeetingFormModal';

/** The minutes form of one meeting (managers), saved at the version read. */
function MinutesForm({ committeeId, meeting }: { committeeId: number; meeting: Meeting }) {
  const { t } = useTranslation();
  const [ja, setJa] = useState(meeting.minutes?.ja ?? '');
  const [en, setEn] = useState(meeting.minutes?.en ?? '');
  const update = useUpdateMeeting(committeeId);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ id: meeting.id, body: { version: meeting.version, minutes: { ja, en } } });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('industrialCluster.minutesJa')}
          value={ja}
          onChange={(e) => setJa(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <Textarea
          label={t('industrialCluster.minutesEn')}
          value={en}
          onChange={(e) => setEn(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        {update.error ? <ErrorAlert error={update.error} /> : null}
        {update.isSuccess ? (
          <Text size="sm" role="status">
            {t('industrialCluster.saved')}
          </Text>
        ) : null}
        <Button type="submit" loading={update.isPending} w="fit-content">
          {t('industrialCluster.saveMinutes')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * A committee and its meetings: summaries for everyone; attendees and minutes (with the form) for
 * managers, who also record new meetings and edit existing ones.
 */
export function CommitteePage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const f = useFormatters();
  const id = Number(useParams().id);
  const committee = useCommittee(id);
  // 'new', a meeting being edited, or nothing.
  const [dialog, setDialog] = useState<'new' | Meeting | null>(null);
  if (committee.isPending) return <LoadingState />;
  if (committee.error) return <ErrorAlert error={committee.error} onRetry={() => void committee.refetch()} />;
  const c = committee.data;
  const close = () => setDialog(null);
  return (
    <Stack gap="lg">
      {dialog === 'new' ? <MeetingFormModal committeeId={c.id} onClose={close} /> : null}
      {dialog && dialog !== 'new' ? (
        <MeetingFormModal committeeId={c.id} meeting={dialog} onClose={close} />
      ) : null}
      <PageTitle
        actions={
          c.canManage ? (
            <Button onClick={() => setDialog('new')}>{t('industrialCluster.form.newMeeting')}</Button>
          ) : null
        }
        title={localize(c.name)}
        subtitle={
          c.level === 'regional' && c.bureau
            ? `${t('industrialCluster.committeeLevel.regional')} · ${t('industrialCluster.bureauName', { name: t(`industrialCluster.bureau.${c.bureau}`) })}`
            : t('industrialCluster.committeeLevel.national')
        }
      >
        {c.project ? (
          <Anchor component={Link} to={`/industrial-cluster/projects/${encodeURIComponent(c.project.key)}`}>
            {localize(c.project.name)}
          </Anchor>
        ) : null}
      </PageTitle>
      <Title order={2}>{t('industrialCluster.meetings')}</Title>
      {c.canManage ? null : <Alert variant="light">{t('industrialCluster.minutesHidden')}</Alert>}
      {c.meetings.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.noMeetings')}</Text>
      ) : (
        c.meetings.map((m) => (
          <Card key={m.id} withBorder component="section" aria-label={f.date(m.heldOn)}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3}>
                  {f.date(m.heldOn)} · {m.place}
                </Title>
                {c.canManage ? (
                  <Button variant="light" size="xs" onClick={() => setDialog(m)}>
                    {t('industrialCluster.form.editMeeting')}
                  </Button>
                ) : null}
              </Group>
              {m.agenda ? (
                <Text>
                  {t('industrialCluster.col.agenda')}: {m.agenda}
                </Text>
              ) : null}
              {m.attendees ? (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('industrialCluster.col.name')}</Table.Th>
                      <Table.Th>{t('industrialCluster.col.organization')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {m.attendees.map((a, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{a.name}</Table.Td>
                        <Table.Td>{a.organization}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
              {c.canManage ? <MinutesForm committeeId={c.id} meeting={m} /> : null}
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
