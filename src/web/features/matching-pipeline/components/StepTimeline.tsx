import type { ReactNode } from 'react';
import { Badge, Group, List, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchStepView } from '../../../../contracts/matches';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters } from '../../../lib/format';
import { STAGE_COLORS } from './pipeline-labels';

function Row({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}
        {t('common.colon')}
      </Text>
      {children}
    </Text>
  );
}

/** The match's dated steps, oldest first, with what each needs: attendees, joint research, sales, items. */
export function StepTimeline({ steps }: { steps: readonly MatchStepView[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const kindLabel = (kind: string) =>
    String(t(`matchingPipeline.itemKind.${kind}` as never, { defaultValue: kind }));
  if (steps.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('matchingPipeline.timeline.empty')}
      </Text>
    );
  const ordered = [...steps].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id - b.id);
  return (
    <Timeline active={ordered.length - 1} bulletSize={16} lineWidth={2} data-testid="step-timeline">
      {ordered.map((s) => (
        <Timeline.Item
          key={s.id}
          color={STAGE_COLORS[s.step]}
          title={
            <Group gap="xs">
              <Text fw={700} size="sm">
                {t(`matchingPipeline.stage.${s.step}`)}
              </Text>
              <Badge variant="outline" color="gray" radius="sm" style={{ textTransform: 'none' }}>
                {f.date(s.occurredOn)}
              </Badge>
            </Group>
          }
          data-testid="timeline-step"
        >
          <Stack gap={4} mt={4}>
            {s.notes ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.notes}
              </Text>
            ) : null}
            {s.attendees.length > 0 ? (
              <Row label={t('matchingPipeline.timeline.attendees')}>
                {s.attendees.join(t('common.listSeparator'))}
              </Row>
            ) : null}
            {s.jointResearch ? (
              <>
                <Row label={t('matchingPipeline.timeline.theme')}>{s.jointResearch.theme}</Row>
                <Row label={t('matchingPipeline.timeline.partners')}>
                  {s.jointResearch.partners.join(t('common.listSeparator'))}
                </Row>
                <Row label={t('matchingPipeline.timeline.budget')}>
                  <YenAmount yen={s.jointResearch.budgetYen} unit="compact" />
                </Row>
                <Row label={t('matchingPipeline.timeline.funder')}>
                  {t(`matchingPipeline.funder.${s.jointResearch.funder}`)}
                  {s.jointResearch.funderName ? ` (${s.jointResearch.funderName})` : ''}
                </Row>
              </>
            ) : null}
            {s.salesYen !== null ? (
              <Row label={t('matchingPipeline.timeline.sales')}>
                <YenAmount yen={s.salesYen} unit="compact" />
              </Row>
            ) : null}
            {s.outcomeItems.length > 0 ? (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t('matchingPipeline.timeline.outcomeItems')}
                </Text>
                <List size="sm">
                  {s.outcomeItems.map((i) => (
                    <List.Item key={i.id}>
                      {kindLabel(i.kind)}
                      {t('common.colon')}
                      {i.title} ({f.fy(i.fiscalYear)})
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : null}
            <Text size="xs" c="dimmed">
              {t('matchingPipeline.timeline.recordedBy', {
                name: s.recordedBy,
                at: f.dateTime(s.recordedAt),
              })}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
