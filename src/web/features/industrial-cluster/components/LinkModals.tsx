import { Modal, MultiSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../../contracts/industrial-cluster';
import { useLocale, useLocalize } from '../../../lib/format';
import {
  useClusterChoices,
  useSeedChoices,
  useSetProjectClusters,
  useSetProjectSeeds,
} from '../api/industrial-cluster-api';
import { FormActions, FormProblem, useFormErrors } from './form-kit';
import { seedTitle } from './seed-title';

interface LinkModalProps {
  project: ProjectDetail;
  onClose: () => void;
}

/** A manager sets the whole set of knowledge clusters the project works with. */
export function ProjectClustersModal({ project, onClose }: LinkModalProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const clusters = useClusterChoices();
  const save = useSetProjectClusters(project.key);
  const [keys, setKeys] = useState<string[]>(project.clusters.map((c) => c.key));
  const fieldError = useFormErrors(save.error, {});
  const choices = new Map<string, string>();
  for (const c of project.clusters) choices.set(c.key, localize(c.name));
  for (const c of clusters.data?.items ?? []) choices.set(c.key, localize(c.name));
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('industrialCluster.form.editClusters')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ clusterKeys: keys, version: project.version }, { onSuccess: close });
        }}
      >
        <Stack gap="sm">
          <MultiSelect
            label={t('industrialCluster.linkedClusters')}
            searchable
            clearable
            data={[...choices].map(([value, label]) => ({ value, label }))}
            value={keys}
            onChange={setKeys}
            nothingFoundMessage={clusters.isPending ? t('common.loading') : t('common.noMatches')}
            error={fieldError('body.clusterKeys')}
            data-autofocus
          />
          <FormProblem error={save.error} fields={['body.clusterKeys']} />
          <FormActions onCancel={close} loading={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A manager sets the seeds the project takes up, chosen by title. */
export function ProjectSeedsModal({ project, onClose }: LinkModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const seeds = useSeedChoices();
  const save = useSetProjectSeeds(project.key);
  const [ids, setIds] = useState<string[]>(project.seedIds.map(String));
  const fieldError = useFormErrors(save.error, {});
  const choices = new Map<string, string>();
  for (const id of project.seedIds) choices.set(String(id), t('industrialCluster.seedRef', { id }));
  for (const s of seeds.data?.items ?? [])
    choices.set(String(s.id), seedTitle(s, locale) ?? t('industrialCluster.seedRef', { id: s.id }));
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('industrialCluster.form.editSeeds')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ seedIds: ids.map(Number), version: project.version }, { onSuccess: close });
        }}
      >
        <Stack gap="sm">
          <MultiSelect
            label={t('industrialCluster.seeds')}
            description={t('industrialCluster.form.seedsHint')}
            searchable
            clearable
            data={[...choices].map(([value, label]) => ({ value, label }))}
            value={ids}
            onChange={setIds}
            nothingFoundMessage={seeds.isPending ? t('common.loading') : t('common.noMatches')}
            error={fieldError('body.seedIds')}
            data-autofocus
          />
          <FormProblem error={save.error} fields={['body.seedIds']} />
          <FormActions onCancel={close} loading={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
