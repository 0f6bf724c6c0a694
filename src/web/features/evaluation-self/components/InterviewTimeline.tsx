import { Badge, Button, Group, Paper, Spoiler, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ATTENDEE_SIDES, type Interview } from '../../../../contracts/evaluation-interviews';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { useFormatters, useLocalize } from '../../../lib/format';
import { criterionItems } from './criteria-items';

interface InterviewTimelineProps {
  round: RoundDetail;
  /** Soonest first, as the API answers. */
  interviews: Interview[];
  onEdit: (interview: Interview) => void;
  onMinutes: (interview: Interview) => void;
  onDelete: (interview: Interview) => void;
}

/** The interviews in date order: when, which cluster, where, who, and the minutes per criterion item. */
export function InterviewTimeline({
  round,
  interviews,
  onEdit,
  onMinutes,
  onDelete,
}: InterviewTimelineProps) {
  const now = Date.now();
  // Interviews already held are marked as reached on the line.
  const held = interviews.filter((i) => Date.parse(i.heldAt) <= now).length;
  return (
    <Timeline active={held - 1} bulletSize={18} lineWidth={2}>
      {interviews.map((interview) => (
        <Timeline.Item key={interview.id}>
          <InterviewEntry
            round={round}
            interview={interview}
            onEdit={onEdit}
            onMinutes={onMinutes}
            onDelete={onDelete}
          />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function InterviewEntry(props: Omit<InterviewTimelineProps, 'interviews'> & { interview: Interview }) {
  const { round, interview, onEdit, onMinutes, onDelete } = props;
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const items = criterionItems(round.criteria);
  const recorded = interview.minutes
    ? items.filter((ref) => (interview.minutes?.[ref.item.key] ?? '').trim() !== '')
    : [];
  return (
    <Paper withBorder p="sm" component="article" aria-label={localize(interview.cluster.name)}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={700}>{f.dateTime(interview.heldAt)}</Text>
            <Text fw={600}>{localize(interview.cluster.name)}</Text>
          </Group>
          {interview.canEdit ? (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => onEdit(interview)}>
                {t('evaluationSelf.interviews.edit')}
              </Button>
              <Button size="xs" variant="light" onClick={() => onMinutes(interview)}>
                {t('evaluationSelf.interviews.recordMinutes')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(interview)}>
                {t('evaluationSelf.interviews.delete')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Text size="sm">
          {t('evaluationSelf.interviews.place')}
          {t('common.colon')}
          {interview.place}
        </Text>

        <div>
          <Text size="sm" fw={600}>
            {t('evaluationSelf.interviews.attendees')}
          </Text>
          {interview.attendees.length === 0 && interview.hiddenAttendeeCount === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evaluationSelf.interviews.noAttendees')}
            </Text>
          ) : null}
          {ATTENDEE_SIDES.map((side) => {
            const people = interview.attendees.filter((a) => a.side === side);
            if (people.length === 0) return null;
            return (
              <Group key={side} gap={6} wrap="wrap" align="baseline">
                <Badge size="sm" variant="light" color="gray">
                  {t(`evaluationSelf.interviews.sides.${side}`)}
                </Badge>
                <Text size="sm">
                  {people
                    .map((p) =>
                      p.affiliation
                        ? t('evaluationSelf.interviews.attendee', {
                            name: p.name,
                            affiliation: p.affiliation,
                          })
                        : p.name,
                    )
                    .join(t('common.listSeparator'))}
                </Text>
              </Group>
            );
          })}
          {interview.hiddenAttendeeCount > 0 ? (
            <Text size="xs" c="dimmed">
              {t('evaluationSelf.interviews.hiddenAttendees', { count: interview.hiddenAttendeeCount })}
            </Text>
          ) : null}
        </div>

        <div>
          <Text size="sm" fw={600}>
            {t('evaluationSelf.interviews.minutes')}
          </Text>
          {interview.minutes === null ? (
            <Text size="sm" c="dimmed">
              {t('evaluationSelf.interviews.minutesHidden')}
            </Text>
          ) : recorded.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evaluationSelf.interviews.noMinutes')}
            </Text>
          ) : (
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                {t('evaluationSelf.interviews.minutesCount', {
                  recorded: recorded.length,
                  total: items.length,
                })}
              </Text>
              {recorded.map((ref) => (
                <div key={ref.item.key}>
                  <Text size="sm" fw={500}>
                    {localize(ref.groupLabel)} › {localize(ref.item.label)}
                  </Text>
                  <Spoiler
                    maxHeight={96}
                    showLabel={t('evaluationSelf.interviews.showMore')}
                    hideLabel={t('evaluationSelf.interviews.showLess')}
                  >
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {interview.minutes?.[ref.item.key]}
                    </Text>
                  </Spoiler>
                </div>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
