import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvaluationTask } from '../../../../contracts/evaluation-tasks';
import { useFormatters, useLocalize } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { useSession } from '../../../lib/session';
import { useEvaluationTasks } from '../api/tasks-api';

/** The page that does the task. */
function taskPath(task: EvaluationTask): string {
  const base = roundPath(task.round.key);
  if (task.kind === 'weights') return `${base}/weights`;
  const cluster = encodeURIComponent(task.cluster!.key);
  return task.kind === 'self_evaluation'
    ? `${base}/self-evaluations/${cluster}`
    : `${base}/grading/${cluster}`;
}

/** Whole days from today in Japan to a YYYY-MM-DD date; negative once it has passed. */
function daysUntil(day: string): number {
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

const STATE_COLORS = { to_do: 'orange', in_progress: 'blue', done: 'teal' } as const;

function TaskRow({ task }: { task: EvaluationTask }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const days = task.dueOn && task.state !== 'done' ? daysUntil(task.dueOn) : null;
  // Only self-evaluations and gradings carry item progress.
  const progressKey = task.kind === 'grading' ? 'grading' : 'self_evaluation';
  const what = task.cluster
    ? t(`evaluationTasks.kind.${task.kind}`, { cluster: localize(task.cluster.name) })
    : t(`evaluationTasks.kind.${task.kind}`);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
          <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
            <Anchor component={Link} to={taskPath(task)} fw={700}>
              {what}
            </Anchor>
            <Text size="sm" c="dimmed">
              {localize(task.round.title)}
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge color={STATE_COLORS[task.state]} variant="light" style={{ textTransform: 'none' }}>
              {t(`evaluationTasks.state.${task.state}`)}
            </Badge>
            {task.dueOn ? (
              <Text size="sm" c={days !== null && days < 0 ? 'red.8' : undefined}>
                {days === null
                  ? t('evaluationTasks.due', { date: f.date(task.dueOn) })
                  : days < 0
                    ? t('evaluationTasks.overdue', { date: f.date(task.dueOn) })
                    : t('evaluationTasks.dueIn', { date: f.date(task.dueOn), count: days })}
              </Text>
            ) : null}
          </Group>
        </Group>
        {task.progress && task.progress.of > 0 ? (
          <Group gap="xs" wrap="nowrap">
            <Progress
              value={(task.progress.done / task.progress.of) * 100}
              style={{ flex: 1 }}
              aria-label={t(`evaluationTasks.progress.${progressKey}`, {
                done: task.progress.done,
                of: task.progress.of,
              })}
            />
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t(`evaluationTasks.progress.${progressKey}`, {
                done: task.progress.done,
                of: task.progress.of,
              })}
            </Text>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * "My evaluation tasks" on the home page: headquarters' self-evaluations, weighting members'
 * weights and evaluators' gradings in the rounds open now, what is left first; nothing when the
 * reader has no task (or is not signed in).
 */
export function MyEvaluationTasksCard() {
  const { t } = useTranslation();
  const { account } = useSession();
  const tasks = useEvaluationTasks(account !== null);
  const items = tasks.data?.items ?? [];
  if (account === null || items.length === 0) return null;
  const open = items.filter((task) => task.state !== 'done');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-evaluation-tasks-heading">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h3" id="my-evaluation-tasks-heading">
            {t('evaluationTasks.title')}
          </Title>
          {open.length > 0 ? (
            <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
              {t('evaluationTasks.openCount', { count: open.length })}
            </Badge>
          ) : null}
        </Group>
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((task) => (
            <TaskRow key={`${task.round.key}/${task.kind}/${task.cluster?.key ?? ''}`} task={task} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
