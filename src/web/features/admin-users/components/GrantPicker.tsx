import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantInput } from '../../../../contracts/accounts';
import { ROLE_SCOPES, type Role } from '../../../../domain/permissions';
import { OrganizationSelect } from '../../../components/EntitySelect';
import { useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { useReference } from '../../../lib/reference';
import { useGrantClusters } from '../api/accounts-api';

export interface GrantDraft {
  input: GrantInput;
  /** How to show it before it is saved. */
  scopeName: string | null;
}

function isRole(value: string | null): value is Role {
  return value !== null && value in ROLE_SCOPES;
}

/** Choose a role and, where the role needs one, its scope: a cluster for headquarters, an organization for partners. */
export function GrantPicker({ onAdd, busy = false }: { onAdd: (grant: GrantDraft) => void; busy?: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const codeOptions = useCodeOptions();
  const reference = useReference();
  const clusters = useGrantClusters();
  const [role, setRole] = useState<string | null>(null);
  const [clusterKey, setClusterKey] = useState<string | null>(null);
  const [organization, setOrganization] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const scopes = isRole(role) ? ROLE_SCOPES[role] : [];
  const needsCluster = scopes.length > 0 && scopes[0] === 'cluster';
  const mayUseCluster = scopes.includes('cluster');
  const needsOrganization = scopes.length > 0 && scopes[0] === 'organization';
  const clusterOptions = (clusters.data?.items ?? []).map((c) => ({ value: c.key, label: localize(c.name) }));

  const add = () => {
    if (!isRole(role)) return setError(t('adminUsers.grants.chooseRole'));
    if (needsCluster && !clusterKey) return setError(t('adminUsers.grants.chooseCluster'));
    if (needsOrganization && !organization) return setError(t('adminUsers.grants.chooseOrganization'));
    setError(null);
    let input: GrantInput;
    let scopeName: string | null = null;
    if (clusterKey && mayUseCluster) {
      input = { role, scopeType: 'cluster', clusterKey };
      scopeName = clusterOptions.find((c) => c.value === clusterKey)?.label ?? clusterKey;
    } else if (needsOrganization && organization) {
      input = { role, scopeType: 'organization', scopeId: organization.id };
      scopeName = organization.name;
    } else {
      input = { role, scopeType: 'programme' };
    }
    onAdd({ input, scopeName });
    setRole(null);
    setClusterKey(null);
    setOrganization(null);
  };

  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label={t('adminUsers.grants.role')}
        data={codeOptions('role', reference.data?.roles ?? [])}
        value={role}
        onChange={(v) => {
          setRole(v);
          setClusterKey(null);
          setOrganization(null);
          setError(null);
        }}
        error={error && !role ? error : undefined}
        w={220}
        comboboxProps={{ withinPortal: true }}
      />
      {mayUseCluster ? (
        <Select
          label={t('adminUsers.grants.cluster')}
          description={needsCluster ? undefined : t('adminUsers.grants.clusterOptional')}
          required={needsCluster}
          data={clusterOptions}
          value={clusterKey}
          onChange={setClusterKey}
          searchable
          clearable={!needsCluster}
          error={error && needsCluster && !clusterKey ? error : undefined}
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {needsOrganization ? (
        <div style={{ width: 280 }}>
          <OrganizationSelect
            label={t('adminUsers.grants.organization')}
            required
            value={organization?.id ?? null}
            onChange={(id, org) =>
              setOrganization(id !== null && org ? { id, name: localize(org.name) } : null)
            }
            error={error && !organization ? error : undefined}
          />
        </div>
      ) : null}
      <Button variant="outline" onClick={add} loading={busy} mt={25}>
        {t('adminUsers.grants.add')}
      </Button>
    </Group>
  );
}
