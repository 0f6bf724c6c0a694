import type { ComponentType } from 'react';
import type { LocalizedText } from '../../../../contracts/common';
import type { OrganizationRef } from '../../../../contracts/organizations';

/**
 * Buttons that create an organization or a person in place. They belong to the organizations feature; the
 * app passes them in, so this feature does not import another.
 */
export type OrganizationCreator = ComponentType<{ onCreated: (organization: OrganizationRef) => void }>;

export interface CreatedPerson {
  id: number;
  name: LocalizedText;
  organization: OrganizationRef | null;
}
export type PersonCreator = ComponentType<{ onCreated: (person: CreatedPerson) => void }>;
