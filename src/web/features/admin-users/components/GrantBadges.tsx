import { Badge, Group } from '@mantine/core';
import type { GrantResponse } from '../../../../contracts/auth';
import { useCodeLabel } from '../../../lib/labels';

/** "Cluster headquarters · sapporo" for each grant. */
export function useGrantLabel(): (grant: Pick<GrantResponse, 'role' | 'scopeType' | 'scopeLabel'>) => string {
  const label = useCodeLabel();
  return (grant) => {
    const role = label('role', grant.role);
    if (grant.scopeType === 'programme') return role;
    return `${role} · ${grant.scopeLabel ?? label('scopeType', grant.scopeType)}`;
  };
}

export function GrantBadges({ grants }: { grants: readonly GrantResponse[] }) {
  const grantLabel = useGrantLabel();
  return (
    <Group gap={4}>
      {grants.map((grant) => (
        <Badge key={grant.id} variant="light" color="navy" radius="sm" style={{ textTransform: 'none' }}>
          {grantLabel(grant)}
        </Badge>
      ))}
    </Group>
  );
}
