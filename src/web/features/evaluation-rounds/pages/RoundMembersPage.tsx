import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RoundShell } from '../../../components/RoundShell';
import { AssignmentMatrix } from '../components/AssignmentMatrix';
import { MembersPanel } from '../components/MembersPanel';

/** /rounds/:key/members — the weighting and evaluating groups, and who grades which cluster. */
export function RoundMembersPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="members" sectionTitle={t('roundTabs.members')}>
      {(round) =>
        round.canManage ? (
          <Stack gap="xl">
            <MembersPanel round={round} />
            <AssignmentMatrix round={round} />
          </Stack>
        ) : (
          <Alert color="gray">{t('evaluationRounds.members.officersOnly')}</Alert>
        )
      }
    </RoundShell>
  );
}
