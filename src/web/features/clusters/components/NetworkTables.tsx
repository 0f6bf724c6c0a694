import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterMemberResponse, ClusterStaffResponse } from '../../../../contracts/clusters';
import { FiscalYearRange } from '../../../components/FiscalYear';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';

/** Current participants first, then those who withdrew; each group in the order the API gives. */
function activeFirst<T extends { withdrawnAt: string | null }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => !r.withdrawnAt), ...rows.filter((r) => r.withdrawnAt)];
}

function WithdrawnBadge({ at }: { at: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Badge
      size="sm"
      variant="outline"
      color="gray"
      style={{ textTransform: 'none' }}
      title={t('clusters.withdrawnOn', { date: f.date(at) })}
    >
      {t('clusters.withdrawnOn', { date: f.date(at) })}
    </Badge>
  );
}

interface MemberTableProps {
  members: readonly ClusterMemberResponse[];
  caption: string;
  renderActions?: (member: ClusterMemberResponse) => ReactNode;
}

/** Organizations taking part in a cluster, with their role and years. */
export function MemberTable({ members, caption, renderActions }: MemberTableProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const label = useCodeLabel();
  if (members.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('clusters.noMembers')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped>
        <Table.Caption ta="left" c="dimmed">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('clusters.members.organization')}</Table.Th>
            <Table.Th scope="col">{t('clusters.members.role')}</Table.Th>
            <Table.Th scope="col">{t('clusters.members.period')}</Table.Th>
            <Table.Th scope="col">{t('clusters.members.note')}</Table.Th>
            {renderActions ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activeFirst(members).map((member) => (
            <Table.Tr key={member.id} style={member.withdrawnAt ? { opacity: 0.85 } : undefined}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {localize(member.organization.name)}
                  </Text>
                  {member.withdrawnAt ? <WithdrawnBadge at={member.withdrawnAt} /> : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {label('organizationKind', member.organization.kind)}
                </Text>
              </Table.Td>
              <Table.Td>{label('memberRole', member.role)}</Table.Td>
              <Table.Td>
                <FiscalYearRange from={member.fromFy} to={member.toFy} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{member.note ?? ''}</Text>
              </Table.Td>
              {renderActions ? <Table.Td>{renderActions(member)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface StaffTableProps {
  staff: readonly ClusterStaffResponse[];
  caption: string;
  renderActions?: (staff: ClusterStaffResponse) => ReactNode;
}

/** People working in a cluster (director, coordinators, researchers…), with their role and years. */
export function StaffTable({ staff, caption, renderActions }: StaffTableProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const label = useCodeLabel();
  if (staff.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('clusters.noStaff')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped>
        <Table.Caption ta="left" c="dimmed">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('clusters.staff.person')}</Table.Th>
            <Table.Th scope="col">{t('clusters.staff.role')}</Table.Th>
            <Table.Th scope="col">{t('clusters.staff.period')}</Table.Th>
            <Table.Th scope="col">{t('clusters.staff.note')}</Table.Th>
            {renderActions ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activeFirst(staff).map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {localize(row.person.name)}
                  </Text>
                  {row.withdrawnAt ? <WithdrawnBadge at={row.withdrawnAt} /> : null}
                </Group>
                {row.person.organization ? (
                  <Text size="xs" c="dimmed">
                    {localize(row.person.organization.name)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{label('staffRole', row.role)}</Table.Td>
              <Table.Td>
                <FiscalYearRange from={row.fromFy} to={row.toFy} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.note ?? ''}</Text>
              </Table.Td>
              {renderActions ? <Table.Td>{renderActions(row)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
